/*
 * Copyright 2026 The Spark AIR Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.sparkair.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiments saved by an earlier version stay restorable: {@code formats/experiment-0.1.0} (Java
 * serialization, {@code tuner.state}) and {@code formats/experiment-tuner-json-1} (the first {@code
 * tuner.json}) were written by {@link SavedExperimentMain} and are checked in as they were written.
 * A change that breaks reading them (a renamed field of the saved Tuner state, say) fails here.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SavedFormatsTest {
  private static Map<String, Long> reportLines(Path experiment) throws Exception {
    Map<String, Long> lines = new TreeMap<>();
    try (Stream<Path> trials = Files.list(experiment)) {
      for (Path trial : (Iterable<Path>) trials.filter(Files::isDirectory)::iterator) {
        try (Stream<String> reports = Files.lines(trial.resolve("result.json"))) {
          lines.put(trial.getFileName().toString(), reports.count());
        }
      }
    }
    return lines;
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path source : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  @Test
  void anExperimentSavedByVersion010IsRestoredWithoutRunningItsTrialsAgain(@TempDir Path dir)
      throws Exception {
    restoresWithoutRunningTrialsAgain(
        dir, SavedExperimentMain.NAME, (path, data) -> legacyRestore(path, data));
  }

  @SuppressWarnings("deprecation")
  private static Tuner legacyRestore(String path, AirDataset data) {
    return Tuner.restore(path, SavedExperimentMain.trainer(data));
  }

  @Test
  void anExperimentSavedAsTunerJson1IsRestoredWithoutRunningItsTrialsAgain(@TempDir Path dir)
      throws Exception {
    restoresWithoutRunningTrialsAgain(
        dir,
        SavedExperimentMain.JSON_NAME,
        (path, data) ->
            Tuner.restore(
                path,
                SavedExperimentMain.trainer(data),
                SavedExperimentMain.paramSpace(),
                SavedExperimentMain.tuneConfig()));
  }

  private void restoresWithoutRunningTrialsAgain(
      Path dir, String name, BiFunction<String, AirDataset, Tuner> restore) throws Exception {
    Path experiment = dir.resolve(name);
    copy(Path.of(getClass().getResource("/formats/" + name).toURI()), experiment);
    Map<String, Long> before = reportLines(experiment);
    assertEquals(Map.of("trial_00000", 3L, "trial_00001", 3L, "trial_00002", 3L), before);

    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("saved-formats")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try (AirDataset data = Air.get(spark).range(10)) {
      ResultGrid grid = restore.apply(experiment.toString(), data).fit();
      assertEquals(3, grid.size());
      assertEquals(0, grid.numErrors(), grid.errors().toString());
      TrialResult best = grid.getBestResult();
      assertEquals(
          3,
          ((Number) ((Map<?, ?>) best.config().get("trainLoopConfig")).get("x")).intValue(),
          "score = iteration * x is highest for x = 3");
      assertEquals(9.0, ((Number) best.metrics().get("score")).doubleValue());
    } finally {
      spark.stop();
    }
    assertEquals(before, reportLines(experiment), "no trial ran again");
  }
}
