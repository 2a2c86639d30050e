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

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.serve.HttpAdapters;
import io.sparkair.serve.PredictorDeployment;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import io.sparkair.tune.ResultGrid;
import io.sparkair.tune.Tune;
import io.sparkair.tune.TuneConfig;
import io.sparkair.tune.Tuner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The seed's Ray AIR walkthrough on the breast-cancer data, line for line where Java allows: load
 * the CSV as a distributed dataset, split it, scale two columns, train XGBoost on two workers, tune
 * {@code max_depth}, score the held-out rows with the best checkpoint, and serve it over HTTP.
 *
 * <p>Run: {@code mvn -B -pl examples exec:exec} (embedded {@code local[2]} Spark), or pass a master
 * URL as the first argument. Serving needs {@code air-serve.jar} ({@code -Dspark.air.serve.jar},
 * set by that command).
 */
public final class BreastCancer {
  private BreastCancer() {}

  /**
   * Runs the walkthrough with an optional Spark master URL as {@code args[0]} ({@code local[2]} by
   * default).
   */
  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("breast-cancer")
            .config("spark.plugins", AirPlugin.class.getName())
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    Path results = Files.createTempDirectory("spark-air-results");
    try {
      Air air = Air.get(spark);

      // dataset = ray.data.read_csv(".../breast_cancer.csv")
      AirDataset dataset =
          air.readCsv(csv().toString(), Map.of("header", "true", "inferSchema", "true"));
      // train_dataset, valid_dataset = dataset.train_test_split(test_size=0.2)
      AirDataset[] split = dataset.trainTestSplit(0.2);
      AirDataset trainDataset = split[0];
      AirDataset validDataset = split[1];
      // test_dataset = valid_dataset.drop_columns(cols=["target"])
      AirDataset testDataset = validDataset.dropColumns("target");
      // preprocessor = StandardScaler(columns=["mean radius", "mean texture"])
      StandardScaler preprocessor = new StandardScaler("mean radius", "mean texture");

      // trainer = XGBoostTrainer(scaling_config=ScalingConfig(num_workers=2, use_gpu=False), ...)
      XGBoostTrainer trainer =
          new XGBoostTrainer()
              .setScalingConfig(ScalingConfig.of(2).useGpu(false))
              .setLabelColumn("target")
              .setNumBoostRound(20)
              .setParams(
                  Map.of(
                      "objective", "binary:logistic", "eval_metric", List.of("logloss", "error")))
              .setDataset("train", trainDataset)
              .setDataset("valid", validDataset)
              .setPreprocessor(preprocessor)
              .setRunConfig(
                  new RunConfig()
                      .setName("breast_cancer")
                      .setStoragePath(results.toString())
                      .setVerbose(0));
      // result = trainer.fit(); print(result.metrics)
      Result result = trainer.fit();
      MetricsTable.print("trainer metrics", result.metrics());

      // param_space = {"params": {"max_depth": tune.randint(1, 9)}}; metric = "train-logloss"
      Map<String, Object> paramSpace = Map.of("params", Map.of("max_depth", Tune.randint(1, 9)));
      String metric = "train-logloss";
      // tuner = Tuner(trainer, param_space=..., tune_config=TuneConfig(num_samples=2, ...))
      Tuner tuner =
          new Tuner(
              trainer,
              paramSpace,
              new TuneConfig().setNumSamples(2).setMetric(metric, "min"),
              new RunConfig()
                  .setName("breast_cancer_tune")
                  .setStoragePath(results.toString())
                  .setVerbose(1));
      ResultGrid resultGrid = tuner.fit();
      // best_result = result_grid.get_best_result(); print(best_result)
      Result bestResult = resultGrid.getBestResult().result();
      System.out.println(
          "best trial: "
              + resultGrid.getBestResult().config()
              + " -> "
              + metric
              + " "
              + bestResult.metrics().get(metric));
      System.out.println("tuner report: " + Path.of(resultGrid.path(), "report.html"));

      // checkpoint = best_result.checkpoint
      Checkpoint checkpoint = bestResult.checkpoint();
      // batch_predictor = BatchPredictor.from_checkpoint(checkpoint, XGBoostPredictor)
      BatchPredictor batchPredictor =
          BatchPredictor.fromCheckpoint(checkpoint, XGBoostPredictor.class);
      // predicted_probabilities = batch_predictor.predict(test_dataset)
      AirDataset predictedProbabilities = batchPredictor.predict(testDataset);
      // predicted_probabilities.show()
      predictedProbabilities.show(5);

      // deployment = PredictorDeployment.options(name="XGBoostService")
      // deployment.deploy(XGBoostPredictor, checkpoint, http_adapter=adapter)
      String url =
          PredictorDeployment.options()
              .name("XGBoostService")
              .deploy(XGBoostPredictor.class, checkpoint, HttpAdapters.records());
      // print(deployment.url)
      System.out.println("serving at " + url);
      String answer = post(url, firstRow(testDataset));
      System.out.println("the service answered: " + answer);

      double accuracy = 1 - (Double) bestResult.metrics().get("valid-error");
      System.out.printf("held-out accuracy %.3f%n", accuracy);
      if (accuracy < 0.9 || !answer.contains("probability")) {
        throw new IllegalStateException(
            "the walkthrough went wrong: accuracy " + accuracy + ", answer " + answer);
      }
      List.of(predictedProbabilities, testDataset, trainDataset, validDataset, dataset)
          .forEach(AirDataset::close);
    } finally {
      PredictorDeployment.shutdown();
      spark.stop();
    }
  }

  /** The first row of a dataset as a JSON record. */
  private static String firstRow(AirDataset dataset) {
    return "[" + dataset.toDataFrame().limit(1).toJSON().collectAsList().get(0) + "]";
  }

  private static String post(String url, String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  /** The breast-cancer CSV shipped in this module's resources, as a file Spark can read. */
  static Path csv() throws IOException {
    Path file = Files.createTempFile("breast_cancer", ".csv");
    try (InputStream in = BreastCancer.class.getResourceAsStream("/breast_cancer.csv")) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    file.toFile().deleteOnExit();
    return file;
  }
}
