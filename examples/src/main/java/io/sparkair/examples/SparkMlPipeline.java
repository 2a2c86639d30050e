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

import io.sparkair.ml.PreprocessorEstimator;
import io.sparkair.ml.XGBoostEstimator;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.preprocess.StandardScaler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark AIR as a Spark ML user meets it: a {@code Pipeline} of an AIR preprocessor stage and an
 * XGBoost trainer stage on plain DataFrames, fitted, saved, loaded again and used to transform.
 *
 * <p>Run: {@code mvn -B -pl examples exec:exec -Dexample=io.sparkair.examples.SparkMlPipeline}.
 */
public final class SparkMlPipeline {
  private SparkMlPipeline() {}

  /**
   * Runs the example with an optional Spark master URL as {@code args[0]} ({@code local[2]} by
   * default).
   */
  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("spark-ml-pipeline")
            .config("spark.plugins", AirPlugin.class.getName())
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      Dataset<Row> data =
          spark
              .read()
              .option("header", "true")
              .option("inferSchema", "true")
              .csv(BreastCancer.csv().toString());
      Dataset<Row>[] split = data.randomSplit(new double[] {0.8, 0.2}, 7);
      Dataset<Row> train = split[0];
      Dataset<Row> test = split[1];

      Path work = Files.createTempDirectory("spark-air-pipeline");
      Pipeline pipeline =
          new Pipeline()
              .setStages(
                  new PipelineStage[] {
                    new PreprocessorEstimator(new StandardScaler("mean radius", "mean texture")),
                    new XGBoostEstimator()
                        .setLabelCol("target")
                        .setNumBoostRound(20)
                        .setNumWorkers(2)
                        .setParams(
                            Map.of(
                                "objective",
                                "binary:logistic",
                                "eval_metric",
                                List.of("logloss", "error")))
                        .setStoragePath(work.resolve("runs").toString())
                  });
      PipelineModel model = pipeline.fit(train);

      String path = work.resolve("pipeline-model").toString();
      model.write().overwrite().save(path);
      PipelineModel loaded = PipelineModel.load(path);
      Dataset<Row> scored = loaded.transform(test);
      scored.select("target", "prediction", "probability").show(5, false);

      long right = scored.where("prediction = target").count();
      double accuracy = (double) right / test.count();
      System.out.printf("saved to %s, loaded, held-out accuracy %.3f%n", path, accuracy);
      List<Row> before = model.transform(test).select("prediction").collectAsList();
      List<Row> after = scored.select("prediction").collectAsList();
      if (accuracy < 0.9 || !before.equals(after)) {
        throw new IllegalStateException(
            "the pipeline went wrong: accuracy "
                + accuracy
                + ", same predictions after loading: "
                + before.equals(after));
      }
    } finally {
      spark.stop();
    }
  }
}
