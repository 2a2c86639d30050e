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
package io.sparkair.examples;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.preprocess.MinMaxScaler;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.RunConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import io.sparkair.tune.ResultGrid;
import io.sparkair.tune.Tune;
import io.sparkair.tune.TuneConfig;
import io.sparkair.tune.Tuner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The seed's Tune example over preprocessors and worker counts (seed 004): a grid over {@code
 * StandardScaler} and {@code MinMaxScaler} and over the number of workers, with {@code eta}, {@code
 * subsample} and {@code max_depth} sampled for each grid point.
 *
 * <p>The seed grid-searches 2 and 4 workers of 2 CPUs each. This program searches 1 and 2 workers
 * of 1 core, since the embedded {@code local[2]} Spark has 2 task slots; pass a master URL with
 * more slots and {@code 2,4} as the second argument to run the seed's grid.
 *
 * <p>Run: {@code mvn -B -pl examples exec:exec
 * -Dexample=io.sparkair.examples.TunePreprocessorsAndWorkers}.
 */
public final class TunePreprocessorsAndWorkers {
  private TunePreprocessorsAndWorkers() {}

  /**
   * Runs the example with an optional Spark master URL ({@code local[2]} by default) and
   * comma-separated worker counts to search ({@code 1,2} by default) as {@code args}.
   */
  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    String[] workerCounts = (args.length > 1 ? args[1] : "1,2").split(",");
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("tune-preprocessors-and-workers")
            .config("spark.plugins", AirPlugin.class.getName())
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      Air air = Air.get(spark);
      // dataset = ray.data.from_items([{"X": x, "Y": 1} for x in range(0, 100)] + [... 0 ...])
      List<Map<String, Object>> items = new ArrayList<>();
      for (int x = 0; x < 200; x++) {
        items.add(Map.of("X", (double) x, "Y", x < 100 ? 1.0 : 0.0));
      }
      AirDataset dataset = air.fromItems(items);
      // prep_v1 = StandardScaler(columns=["X"]); prep_v2 = MinMaxScaler(columns=["X"])
      StandardScaler prepV1 = new StandardScaler("X");
      MinMaxScaler prepV2 = new MinMaxScaler("X");

      // param_space = {"scaling_config": ..., "preprocessor": ..., "params": {...}}
      List<Object> scalings = new ArrayList<>();
      for (String n : workerCounts) {
        scalings.add(Map.of("numWorkers", Integer.parseInt(n.trim())));
      }
      Map<String, Object> paramSpace =
          Map.of(
              "scalingConfig", Tune.gridSearch(scalings.toArray()),
              "preprocessor", Tune.gridSearch(prepV1, prepV2),
              "params",
                  Map.of(
                      "objective", "binary:logistic",
                      "tree_method", "hist",
                      "eval_metric", List.of("logloss", "error"),
                      "eta", Tune.loguniform(1e-4, 1e-1),
                      "subsample", Tune.uniform(0.5, 1.0),
                      "max_depth", Tune.randint(1, 9)));

      // trainer = XGBoostTrainer(params={}, label_column="Y", datasets={"train": dataset})
      XGBoostTrainer trainer =
          new XGBoostTrainer().setParams(Map.of()).setLabelColumn("Y").setDataset("train", dataset);
      // tuner = Tuner(trainer, param_space=param_space); results = tuner.fit()
      Path results = Files.createTempDirectory("spark-air-tune");
      ResultGrid grid =
          new Tuner(
                  trainer,
                  paramSpace,
                  new TuneConfig().setMetric("train-logloss", "min"),
                  new RunConfig()
                      .setName("preprocessors_and_workers")
                      .setStoragePath(results.toString())
                      .setVerbose(1))
              .fit();

      grid.getDataFrame(spark).show(false);
      System.out.println("best: " + grid.getBestResult().config());
      System.out.println("tuner report: " + Path.of(grid.path(), "report.html"));
      int expected = 2 * workerCounts.length;
      if (grid.size() != expected || grid.numErrors() > 0) {
        throw new IllegalStateException(
            "expected "
                + expected
                + " trials without errors, got "
                + grid.size()
                + " with "
                + grid.numErrors()
                + " errors");
      }
      dataset.close();
    } finally {
      spark.stop();
    }
  }
}
