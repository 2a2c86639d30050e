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
package io.sparkair.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.PredictOptions;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.serve.HttpAdapters;
import io.sparkair.serve.PredictorDeployment;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's last step: a checkpoint trained in Spark is deployed to a sidecar process with {@code
 * PredictorDeployment} and answers HTTP requests exactly as {@code BatchPredictor} scores the same
 * rows.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ServingFromSparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSidecarAnswersAsBatchPredictorScores(@TempDir Path dir) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("serving")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try {
      String csv = ServingFromSparkTest.class.getResource("/breast_cancer.csv").getPath();
      Dataset<Row> all =
          spark
              .read()
              .option("header", "true")
              .option("inferSchema", "true")
              .csv(csv)
              .withColumn("row_id", functions.monotonically_increasing_id());
      Dataset<Row>[] split = all.randomSplit(new double[] {0.7, 0.3}, 3);
      Air air = Air.get(spark);
      List<String> features = new ArrayList<>(List.of(all.columns()));
      features.remove("target");
      features.remove("row_id");
      try (AirDataset train = air.fromDataFrame(split[0].drop("row_id"));
          AirDataset valid = air.fromDataFrame(split[1])) {
        Result result =
            new XGBoostTrainer()
                .setLabelColumn("target")
                .setNumBoostRound(20)
                .setParams(Map.of("objective", "binary:logistic", "max_depth", 3))
                .setScalingConfig(ScalingConfig.of(2))
                .setDataset("train", train)
                .setPreprocessor(new StandardScaler(features.toArray(new String[0])))
                .setRunConfig(new RunConfig().setStoragePath(dir.toString()).setVerbose(0))
                .fit();

        List<Row> scored;
        try (AirDataset predicted =
            BatchPredictor.fromCheckpoint(result.checkpoint(), XGBoostPredictor.class)
                .predict(valid, PredictOptions.defaults().keepColumns("row_id"))) {
          scored = predicted.toDataFrame().orderBy("row_id").collectAsList();
        }
        List<Row> rows = split[1].orderBy("row_id").collectAsList();

        String url =
            PredictorDeployment.options()
                .name("XGBoostService")
                .numReplicas(2)
                .routePrefix("/rayair")
                .deploy(XGBoostPredictor.class, result.checkpoint(), HttpAdapters.records());
        List<Map<String, Object>> records = new ArrayList<>();
        for (Row row : rows) {
          Map<String, Object> record = new LinkedHashMap<>();
          for (String f : features) {
            record.put(f, ((Number) row.getAs(f)).doubleValue());
          }
          records.add(record);
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(records)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode predictions = JSON.readTree(answer.body());
        assertEquals(rows.size(), predictions.size());
        assertEquals(rows.size(), scored.size());
        for (int i = 0; i < rows.size(); i++) {
          List<Double> batch = scored.get(i).getList(scored.get(i).fieldIndex("probability"));
          assertEquals(
              batch.get(1),
              predictions.get(i).get("probability").get(1).doubleValue(),
              1e-9,
              "row " + i);
          assertEquals(
              ((Number) scored.get(i).getAs("prediction")).doubleValue(),
              predictions.get(i).get("prediction").doubleValue());
        }

        String second =
            PredictorDeployment.options()
                .name("Single")
                .numReplicas(1)
                .deploy(XGBoostPredictor.class, result.checkpoint(), HttpAdapters.singleObject());
        assertTrue(second.endsWith("/Single"), second);
        assertEquals(
            url.substring(0, url.length() - "/rayair".length()),
            second.substring(0, second.length() - "/Single".length()),
            "one sidecar for both");
        HttpResponse<String> single =
            http.send(
                HttpRequest.newBuilder(URI.create(second))
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            JSON.writeValueAsBytes(records.get(0))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, single.statusCode(), single.body());
        assertEquals(predictions.get(0), JSON.readTree(single.body()));
      }
    } finally {
      PredictorDeployment.shutdown();
      spark.stop();
    }
  }
}
