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

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the experiment {@link SavedFormatsTest} restores: three grid trials of the toy loop,
 * finished, under {@code <storage path>/<name>}. Run it once per format version and check the
 * directory in under {@code src/test/resources/formats/} ({@value #NAME} was written by 0.1.0,
 * {@value #JSON_NAME} by the first version that saved {@code tuner.json}):
 *
 * <pre>
 * mvn -B -pl ml-stages exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.sparkair.tune.SavedExperimentMain -Dexec.args="&lt;storage path&gt; &lt;name&gt;"
 * </pre>
 */
public final class SavedExperimentMain {
  /** The experiment's name. */
  static final String NAME = "experiment-0.1.0";

  /** The experiment saved in the first {@code tuner.json} format. */
  static final String JSON_NAME = "experiment-tuner-json-1";

  private SavedExperimentMain() {}

  /** The trainer the experiment tunes; the restore passes an equal one. */
  static DataParallelTrainer trainer(AirDataset data) {
    return new DataParallelTrainer(new ToyLoop())
        .setScalingConfig(ScalingConfig.of(1))
        .setDataset("train", data)
        .setTrainLoopConfig(Map.of("iterations", 3));
  }

  /** The experiment's search space. */
  static Map<String, ?> paramSpace() {
    return Map.of("trainLoopConfig", Map.of("x", Tune.gridSearch(1, 2, 3)));
  }

  /** The experiment's tune configuration. */
  static TuneConfig tuneConfig() {
    return new TuneConfig().setMetric("score", "max").setMaxConcurrentTrials(1).setSeed(7);
  }

  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("saved-experiment")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try (AirDataset data = Air.get(spark).range(10)) {
      new Tuner(
              trainer(data),
              paramSpace(),
              tuneConfig(),
              new RunConfig()
                  .setName(args.length > 1 ? args[1] : NAME)
                  .setStoragePath(args[0])
                  .setVerbose(0))
          .fit();
    } finally {
      spark.stop();
    }
  }
}
