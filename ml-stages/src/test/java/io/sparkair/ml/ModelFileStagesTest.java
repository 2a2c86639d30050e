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
package io.sparkair.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.ModelFileCheckpoint;
import io.sparkair.predict.ModelFilePredictor;
import io.sparkair.predict.ModelSignature;
import io.sparkair.predict.PredictOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ONNX model made elsewhere ({@code logistic.onnx} of ml-core's tests: probability = sigmoid(0.5
 * a - 1.25 b + 2 c + 0.75 d - 0.3)) scores a DataFrame through {@link BatchPredictor} and through
 * {@link AirModel} in a saved and loaded {@link PipelineModel}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ModelFileStagesTest {
  private static final ModelSignature SIGNATURE =
      ModelSignature.builder()
          .input("features", ModelSignature.DataType.FP32, new long[] {-1, 4}, "a", "b", "c", "d")
          .output("probability", "prediction")
          .build();

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("model-file-stages-test")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** 3,000 rows of four features that vary from row to row. */
  private static Dataset<Row> rows() {
    return spark
        .range(3_000)
        .selectExpr(
            "id",
            "sin(id) AS a",
            "cos(id) AS b",
            "CAST((id % 7) / 7.0 - 0.5 AS DOUBLE) AS c",
            "CAST((id % 13) / 13.0 AS DOUBLE) AS d")
        .repartition(3);
  }

  private static double expected(Row row) {
    double logit =
        0.5 * row.getDouble(row.fieldIndex("a"))
            - 1.25 * row.getDouble(row.fieldIndex("b"))
            + 2.0 * row.getDouble(row.fieldIndex("c"))
            + 0.75 * row.getDouble(row.fieldIndex("d"))
            - 0.3;
    return 1 / (1 + Math.exp(-logit));
  }

  private static Checkpoint checkpoint(Path dir) throws Exception {
    Path file = dir.resolve("logistic.onnx");
    try (InputStream model =
        ModelFileStagesTest.class.getResourceAsStream("/models/logistic.onnx")) {
      Files.copy(model, file);
    }
    return ModelFileCheckpoint.create(file, SIGNATURE);
  }

  private static void assertScored(List<Row> rows) {
    assertEquals(3_000, rows.size());
    for (Row row : rows) {
      assertEquals(expected(row), row.getDouble(row.fieldIndex("prediction")), 1e-6, row::toString);
    }
  }

  @Test
  void batchPredictorScoresWhereTheBlocksLive(@TempDir Path dir) throws Exception {
    try (Checkpoint checkpoint = checkpoint(dir);
        AirDataset data = Air.get(spark).fromDataFrame(rows());
        AirDataset scored =
            BatchPredictor.fromCheckpoint(checkpoint, ModelFilePredictor.class)
                .predict(data, PredictOptions.defaults().keepColumns("a", "b", "c", "d"))) {
      assertEquals(
          List.of("a", "b", "c", "d", "prediction"), List.of(scored.schema().fieldNames()));
      assertScored(scored.toDataFrame().collectAsList());
    }
  }

  @Test
  void anAirModelOfItWorksInASavedPipeline(@TempDir Path dir) throws Exception {
    try (Checkpoint checkpoint = checkpoint(dir)) {
      PipelineModel fitted =
          new Pipeline()
              .setStages(new PipelineStage[] {new AirModel(checkpoint).setPredictionCol("p")})
              .fit(rows());
      String path = dir.resolve("pipeline").toString();
      fitted.write().overwrite().save(path);
      Dataset<Row> scored =
          PipelineModel.load(path).transform(rows()).withColumnRenamed("p", "prediction");
      assertScored(scored.collectAsList());
    }
  }
}
