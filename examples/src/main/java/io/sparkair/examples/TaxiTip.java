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
import io.sparkair.preprocess.MinMaxScaler;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The seed's NYC taxi-tip walkthrough (seed 003) on generated trips ({@link TaxiTrips}): train
 * XGBoost on 2021, tune it, score 2022 in batch and serve the best model with 2 replicas.
 *
 * <p>Run: {@code mvn -B -pl examples exec:exec -Dexample=io.sparkair.examples.TaxiTip
 * [-Dexample.args="local[2] 200000"]}: a master URL and the number of trips per year (100,000 by
 * default). The seed trains on 5 workers; here there are as many as the master has slots, up to 5.
 */
public final class TaxiTip {
  private TaxiTip() {}

  /**
   * Runs the walkthrough with an optional Spark master URL ({@code local[2]} by default) and number
   * of trips per year (100,000 by default) as {@code args}.
   */
  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    long trips = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("taxi-tip")
            .config("spark.plugins", AirPlugin.class.getName())
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    Path work = Files.createTempDirectory("spark-air-taxi");
    try {
      Air air = Air.get(spark);
      Path year2021 = TaxiTrips.write(spark, work, 2021, trips);
      Path year2022 = TaxiTrips.write(spark, work, 2022, trips);
      int workers = Math.min(5, spark.sparkContext().defaultParallelism());

      // dataset = ray.data.read_parquet(".../nyc_taxi_2021.parquet")
      AirDataset dataset = air.readParquet(year2021.toString());
      // train_dataset, valid_dataset = dataset.train_test_split(test_size=0.3)
      AirDataset[] split = dataset.trainTestSplit(0.3);
      // train_dataset = train_dataset.repartition(num_blocks=5), and the same for valid
      AirDataset trainDataset = split[0].repartition(5);
      AirDataset validDataset = split[1].repartition(5);
      // preprocessor = MinMaxScaler(columns=['trip_distance', 'trip_duration'])
      MinMaxScaler preprocessor = new MinMaxScaler("trip_distance", "trip_duration");

      // trainer = XGBoostTrainer(label_column='is_big_tip', num_boost_round=50, ...)
      XGBoostTrainer trainer =
          new XGBoostTrainer()
              .setLabelColumn(TaxiTrips.LABEL)
              .setNumBoostRound(50)
              .setScalingConfig(ScalingConfig.of(workers).useGpu(false))
              .setParams(
                  Map.of(
                      "objective",
                      "binary:logistic",
                      "eval_metric",
                      List.of("logloss", "error"),
                      "tree_method",
                      "approx"))
              .setDataset("train", trainDataset)
              .setDataset("valid", validDataset)
              .setPreprocessor(preprocessor)
              .setRunConfig(
                  new RunConfig()
                      .setName("taxi_tip")
                      .setStoragePath(work.toString())
                      .setVerbose(0));
      Result result = trainer.fit();
      MetricsTable.print("trainer metrics", result.metrics());

      // param_space = {"params": {"eta": tune.uniform(0.2, 0.4), "max_depth": tune.randint(1, 6),
      //                           "min_child_weight": tune.qrandint(0.8, 1.0)}}
      // (qrandint over 0.8..1.0 can only give 1; uniform samples the range it names)
      Map<String, Object> paramSpace =
          Map.of(
              "params",
              Map.of(
                  "eta", Tune.uniform(0.2, 0.4),
                  "max_depth", Tune.randint(1, 6),
                  "min_child_weight", Tune.uniform(0.8, 1.0)));
      ResultGrid grid =
          new Tuner(
                  trainer,
                  paramSpace,
                  new TuneConfig().setNumSamples(3).setMetric("train-logloss", "min"),
                  new RunConfig()
                      .setName("taxi_tip_tune")
                      .setStoragePath(work.toString())
                      .setVerbose(1))
              .fit();
      grid.getDataFrame(spark).show(false);
      Checkpoint checkpoint = grid.getBestResult().result().checkpoint();
      System.out.println("best: " + grid.getBestResult().config());
      System.out.println("tuner report: " + Path.of(grid.path(), "report.html"));

      // test_dataset =
      // ray.data.read_parquet(".../nyc_taxi_2022.parquet").drop_columns("is_big_tip")
      AirDataset year2022Trips = air.readParquet(year2022.toString());
      AirDataset testDataset = year2022Trips.dropColumns(TaxiTrips.LABEL).repartition(5);
      // predicted_probabilities = batch_predictor.predict(test_dataset)
      AirDataset predicted =
          BatchPredictor.fromCheckpoint(checkpoint, XGBoostPredictor.class).predict(testDataset);
      predicted.show(5);
      long big = predicted.toDataFrame().where("prediction = 1").count();
      System.out.printf(
          "2022: %d of %d trips predicted to tip over 20%%%n", big, predicted.count());

      // PredictorDeployment.options(name="XGBoostService", num_replicas=2, route_prefix="/rayair")
      String url =
          PredictorDeployment.options()
              .name("XGBoostService")
              .numReplicas(2)
              .routePrefix("/rayair")
              .deploy(XGBoostPredictor.class, checkpoint, HttpAdapters.records());
      String row = "[" + testDataset.toDataFrame().limit(1).toJSON().collectAsList().get(0) + "]";
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(row))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      System.out.println(
          "serving at " + url + "; it answered " + answer.statusCode() + " " + answer.body());

      double accuracy = 1 - (Double) grid.getBestResult().result().metrics().get("valid-error");
      System.out.printf("2021 held-out accuracy %.3f%n", accuracy);
      if (accuracy < 0.7 || answer.statusCode() != 200) {
        throw new IllegalStateException(
            "the walkthrough went wrong: accuracy "
                + accuracy
                + ", answer "
                + answer.statusCode()
                + " "
                + answer.body());
      }
      List.of(
              predicted,
              testDataset,
              year2022Trips,
              trainDataset,
              validDataset,
              split[0],
              split[1],
              dataset)
          .forEach(AirDataset::close);
    } finally {
      PredictorDeployment.shutdown();
      spark.stop();
    }
  }
}
