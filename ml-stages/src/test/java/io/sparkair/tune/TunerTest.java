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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.data.AirDataset;
import io.sparkair.ml.AirModel;
import io.sparkair.ml.TunerEstimator;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.preprocess.MinMaxScaler;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The seed's Tuner on the breast-cancer data. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TunerTest {
  private static SparkSession spark;
  private static AirDataset train;
  private static AirDataset valid;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("tuner-test")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    String csv = TunerTest.class.getResource("/breast_cancer.csv").getPath();
    try (AirDataset all =
        Air.get(spark).readCsv(csv, Map.of("header", "true", "inferSchema", "true"))) {
      AirDataset[] split = all.trainTestSplit(0.3, 11);
      train = split[0];
      valid = split[1];
    }
  }

  @AfterAll
  static void stop() {
    train.close();
    valid.close();
    spark.stop();
  }

  private static XGBoostTrainer trainer() {
    return new XGBoostTrainer()
        .setLabelColumn("target")
        .setNumBoostRound(5)
        .setParams(Map.of("objective", "binary:logistic", "eval_metric", List.of("logloss")))
        .setScalingConfig(ScalingConfig.of(2))
        .setDataset("train", train)
        .setDataset("valid", valid);
  }

  @Test
  void searchesPreprocessorsWorkerCountsAndParamsAndReportsFailedTrials(@TempDir Path dir)
      throws Exception {
    Map<String, Object> space =
        Map.of(
            "params", Map.of("max_depth", Tune.randint(1, 9), "eta", Tune.uniform(0.2, 0.4)),
            "preprocessor",
                Tune.gridSearch(
                    new StandardScaler("mean radius", "mean texture"),
                    new MinMaxScaler("mean radius", "mean texture")),
            "scalingConfig", Tune.gridSearch(Map.of("numWorkers", 2), Map.of("numWorkers", 4)));
    ResultGrid grid =
        new Tuner(
                trainer(),
                space,
                new TuneConfig().setNumSamples(1).setMetric("valid-logloss", "min").setSeed(3),
                new RunConfig().setName("seed").setStoragePath(dir.toString()).setVerbose(0))
            .fit();

    assertEquals(4, grid.size());
    assertEquals(2, grid.numErrors(), "4 workers do not fit on 2 task slots");
    assertEquals(2, grid.numTerminated());
    for (TrialResult failed : grid.errors()) {
      assertTrue(
          failed.error().getMessage().contains("needs 4 Spark task slots"),
          failed.error().toString());
    }
    TrialResult best = grid.getBestResult();
    assertTrue(best.error() == null);
    double bestLoss = (Double) best.metrics().get("valid-logloss");
    for (TrialResult t : grid) {
      if (t.error() == null) {
        assertTrue(bestLoss <= (Double) t.metrics().get("valid-logloss"));
      }
    }
    assertTrue(bestLoss < 0.4, "a sensible best: " + best);
    assertTrue(best.result().checkpoint() != null);
    String preprocessor = best.result().checkpoint().getMetadata().preprocessorType();
    assertTrue(List.of("StandardScaler", "MinMaxScaler").contains(preprocessor), preprocessor);

    List<Row> rows = grid.getDataFrame(spark).collectAsList();
    assertEquals(4, rows.size());
    assertTrue(List.of(grid.getDataFrame(spark).columns()).contains("config/params/max_depth"));
    Path experiment = dir.resolve("seed");
    assertTrue(Files.isRegularFile(experiment.resolve("experiment_state.json")));
    assertTrue(
        Files.readString(experiment.resolve("trial_00000/params.json")).contains("max_depth"));
    assertTrue(Files.isRegularFile(experiment.resolve("trial_00000/result.json")));
  }

  @Test
  void ashaStopsWeakTrialsOfARealSearchAndTheyKeepTheirCheckpoints(@TempDir Path dir)
      throws Exception {
    Map<String, Object> space =
        Map.of(
            "numBoostRound",
            16,
            "params",
            Map.of("eta", Tune.gridSearch(0.3, 0.3, 1e-4, 1e-4), "max_depth", 3));
    ResultGrid grid =
        new Tuner(
                trainer(),
                space,
                new TuneConfig()
                    .setMetric("valid-logloss", "min")
                    .setScheduler(new AshaScheduler("training_iteration", 16, 2, 2))
                    .setReuseActors(true),
                new RunConfig().setName("asha").setStoragePath(dir.toString()).setVerbose(1))
            .fit();
    assertEquals(4, grid.size());
    assertEquals(0, grid.numErrors(), grid.errors().toString());
    for (int t = 0; t < 4; t++) {
      TrialResult trial = grid.get(t);
      int rounds = ((Number) trial.metrics().get("training_iteration")).intValue();
      if (t < 2) {
        assertEquals(16, rounds, "a strong trial runs to maxT");
      } else {
        assertTrue(
            trial.stoppedEarly() && rounds < 16, "the weak trial " + t + " stopped at " + rounds);
        assertEquals(
            rounds,
            ((Number) trial.result().checkpoint().getMetadata().metrics().get("training_iteration"))
                .intValue(),
            "it keeps its last checkpoint");
      }
    }
    assertEquals(
        0.3,
        ((Map<?, ?>) grid.getBestResult("valid-logloss", "min", "all").config().get("params"))
            .get("eta"));

    String html = Files.readString(dir.resolve("asha").resolve("report.html"));
    assertEquals(4, html.split("<polyline data-trial=").length - 1, "one curve per trial");
    String weak = html.substring(html.indexOf("data-trial=\"trial_00003\""));
    String strong = html.substring(html.indexOf("data-trial=\"trial_00000\""));
    assertTrue(points(weak) < points(strong), "a stopped trial's curve is shorter");
    assertTrue(html.contains("STOPPED") && html.contains("TERMINATED"), "statuses shown");
  }

  private static int points(String polylineOnward) {
    String attribute = "points=\"";
    int start = polylineOnward.indexOf(attribute) + attribute.length();
    return polylineOnward.substring(start, polylineOnward.indexOf('"', start)).split(" ").length;
  }

  @Test
  void theTunerIsASparkMlEstimatorReturningTheBestModel(@TempDir Path dir) {
    XGBoostTrainer base =
        new XGBoostTrainer()
            .setLabelColumn("target")
            .setNumBoostRound(8)
            .setParams(Map.of("objective", "binary:logistic", "eval_metric", List.of("logloss")))
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("valid", valid);
    TunerEstimator estimator =
        new TunerEstimator(
            base,
            Map.of("params", Map.of("max_depth", Tune.gridSearch(1, 4))),
            new TuneConfig().setMetric("valid-logloss", "min"),
            new RunConfig().setName("estimator").setStoragePath(dir.toString()).setVerbose(0));
    AirModel model = estimator.fit(train.toDataFrame());
    ResultGrid grid = estimator.lastResultGrid();
    assertEquals(2, grid.size());
    assertEquals(grid.getBestResult().result().checkpoint().path(), model.checkpoint().path());
    Dataset<Row> scored = model.transform(valid.toDataFrame());
    double accuracy = (double) scored.where("prediction = target").count() / valid.count();
    assertTrue(accuracy > 0.9, "accuracy " + accuracy);
  }

  @Test
  void badInputIsRefusedBeforeAnyTrialRuns(@TempDir Path dir) {
    RunConfig run = new RunConfig().setStoragePath(dir.toString()).setVerbose(0);
    assertThrows(
        IllegalArgumentException.class,
        () -> new Tuner(trainer(), Map.of(), new TuneConfig(), run).fit());
    assertThrows(
        IllegalArgumentException.class,
        () -> new TuneConfig().setMetric("valid-logloss", "lowest"));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Tuner(
                        trainer(),
                        Map.of("learning_rate", Tune.uniform(0, 1)),
                        new TuneConfig().setMetric("valid-logloss", "min"),
                        run)
                    .fit());
    assertTrue(unknown.getMessage().contains("'learning_rate'"), unknown.getMessage());

    IllegalArgumentException conflicting =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Tuner(
                        trainer(),
                        Map.of("params", Map.of("eta", Tune.uniform(0.1, 0.3))),
                        new TuneConfig()
                            .setMetric("valid-logloss", "min")
                            .setNumSamples(8)
                            .setSearcher(new TpeSearcher(8)),
                        run)
                    .fit());
    assertTrue(
        conflicting.getMessage().contains("numSamples=8 and a searcher (TpeSearcher)"),
        conflicting.getMessage());

    ResultGrid never =
        new Tuner(
                trainer(),
                Map.of("numBoostRound", Tune.gridSearch(2)),
                new TuneConfig().setMetric("valid-accuracy", "max"),
                run)
            .fit();
    assertEquals(1, never.numErrors());
    assertTrue(
        never.errors().get(0).error().getMessage().contains("never reported " + "'valid-accuracy'"),
        never.errors().get(0).error().getMessage());
  }
}
