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
package io.sparkair.predict;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.ml.AirModel;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** BatchPredictor on the breast-cancer data, against plain XGBoost4J on the same rows. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BatchPredictorTest {
  private static SparkSession spark;
  private static Air air;
  private static AirDataset train;
  private static AirDataset valid;
  private static String[] features;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("batch-predictor-test")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    air = Air.get(spark);
    String csv = BatchPredictorTest.class.getResource("/breast_cancer.csv").getPath();
    try (AirDataset all =
        air.fromDataFrame(
            spark
                .read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(csv)
                .withColumn("id", functions.monotonically_increasing_id())
                .repartition(3))) {
      AirDataset[] split = all.trainTestSplit(0.3, 7);
      train = split[0];
      valid = split[1];
    }
    List<String> names = new ArrayList<>(Arrays.asList(train.schema().fieldNames()));
    names.removeAll(List.of("target", "id"));
    features = names.toArray(new String[0]);
  }

  @AfterAll
  static void stop() {
    train.close();
    valid.close();
    spark.stop();
  }

  /** Every row of a dataset's named columns, in order, as floats. */
  private static float[] rows(AirDataset ds, List<String> columns) {
    List<Float> values = new ArrayList<>();
    try (BatchIterator batches = ds.iterBatches(1000, 0)) {
      while (batches.hasNext()) {
        VectorSchemaRoot b = batches.next();
        for (int i = 0; i < b.getRowCount(); i++) {
          for (String c : columns) {
            FieldVector v = b.getVector(c);
            values.add(
                v instanceof FloatingPointVector
                    ? (float) ((FloatingPointVector) v).getValueAsDouble(i)
                    : (float) ((BaseIntVector) v).getValueAsLong(i));
          }
        }
      }
    }
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  @Test
  void predictsWhereTheBlocksLiveAsXGBoostDoesKeepingOrderAndIds(@TempDir Path dir)
      throws Exception {
    Result result =
        new XGBoostTrainer()
            .setLabelColumn("target")
            .setFeatureColumns(features)
            .setNumBoostRound(10)
            .setParams(Map.of("objective", "binary:logistic", "max_depth", 3))
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("train", train)
            .setPreprocessor(new StandardScaler("mean radius", "mean area"))
            .setRunConfig(new RunConfig().setStoragePath(dir.toString()).setVerbose(0))
            .fit();
    Checkpoint checkpoint = result.checkpoint();

    long loadsBefore = PredictorCache.loads();
    BatchPredictor predictor = BatchPredictor.fromCheckpoint(checkpoint, XGBoostPredictor.class);
    try (AirDataset predictions =
        predictor.predict(
            valid, PredictOptions.defaults().batchSize(100).keepColumns("id", "target"))) {
      assertEquals(
          List.of("id", "target", "prediction", "probability"),
          List.of(predictions.schema().fieldNames()));
      assertEquals(valid.count(), predictions.count());
      List<Row> rows = predictions.toDataFrame().collectAsList();
      List<Row> ids = valid.toDataFrame().select("id").collectAsList();
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(ids.get(i).getLong(0), rows.get(i).getLong(0), "row order, row " + i);
      }

      try (AirDataset scaled = checkpoint.getPreprocessor().transform(valid)) {
        Booster booster =
            XGBoost.loadModel(
                java.nio.file.Files.readAllBytes(
                    checkpoint.modelDirectory().resolve(XGBoostPredictor.MODEL_FILE)));
        float[][] expected =
            booster.predict(
                new DMatrix(
                    rows(scaled, List.of(features)),
                    (int) scaled.count(),
                    features.length,
                    Float.NaN));
        for (int i = 0; i < rows.size(); i++) {
          List<?> probability = rows.get(i).getList(3);
          assertEquals(expected[i][0], (Double) probability.get(1), 1e-6, "row " + i);
        }
      }
    }
    BatchPredictor raw =
        BatchPredictor.fromCheckpoint(
            checkpoint, ck -> XGBoostPredictor.fromCheckpoint(ck).withOutputMargin());
    try (AirDataset margins = raw.predict(valid, PredictOptions.defaults().keepColumns("id"));
        AirDataset probabilities = predictor.predict(valid)) {
      List<Row> m = margins.toDataFrame().collectAsList();
      List<Row> p = probabilities.toDataFrame().collectAsList();
      for (int i = 0; i < m.size(); i++) {
        double probability = (Double) p.get(i).getList(1).get(1);
        assertEquals(
            probability,
            1 / (1 + Math.exp(-m.get(i).getDouble(1))),
            1e-6,
            "the margin is the probability's logit, row " + i);
      }
    }
    BatchPredictor again = BatchPredictor.fromCheckpoint(checkpoint, XGBoostPredictor.class);
    try (AirDataset second = again.predict(train)) {
      assertEquals(train.count(), second.count());
    }
    AirModel model = new AirModel(checkpoint, XGBoostPredictor.class);
    List<Row> scored =
        model
            .transform(valid.toDataFrame())
            .select(
                org.apache
                    .spark
                    .ml
                    .functions
                    .vector_to_array(col("probability"), "float64")
                    .as("probability"))
            .collectAsList();
    try (AirDataset predicted = predictor.predict(valid)) {
      assertEquals(
          predicted.toDataFrame().select("probability").collectAsList(),
          scored,
          "the Spark ML model and the batch predictor predict alike");
    }
    assertEquals(
        2,
        PredictorCache.loads() - loadsBefore,
        "one load in this JVM (driver and "
            + "local executor) for both probability predictors, the Spark ML model and every "
            + "dataset, one for margins");
  }

  @Test
  void aBoosterSavedByPlainXGBoostWorksWrappedAsACheckpoint(@TempDir Path dir) throws Exception {
    List<String> columns = List.of(features).subList(0, 5);
    float[] x = rows(train, columns);
    float[] y = rows(train, List.of("target"));
    DMatrix matrix = new DMatrix(x, y.length, columns.size(), Float.NaN);
    matrix.setLabel(y);
    Booster booster =
        XGBoost.train(
            matrix, Map.of("objective", "binary:logistic"), 5, new HashMap<>(), null, null);
    Path file = dir.resolve("booster.json");
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      booster.saveModel(out, "json");
    }
    BatchPredictor predictor =
        BatchPredictor.fromCheckpoint(
            Checkpoint.fromModel("xgboost", file), XGBoostPredictor::fromCheckpoint);
    try (AirDataset predictions =
        predictor.predict(
            valid, PredictOptions.defaults().featureColumns(columns.toArray(new String[0])))) {
      float[][] expected =
          booster.predict(
              new DMatrix(rows(valid, columns), (int) valid.count(), columns.size(), Float.NaN));
      List<Row> rows = predictions.toDataFrame().collectAsList();
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(expected[i][0], (Double) rows.get(i).getList(1).get(1), 1e-6);
        assertEquals(expected[i][0] > 0.5 ? 1.0 : 0.0, rows.get(i).getDouble(0));
      }
    }
  }

  @Test
  void badInputIsRefusedBeforeAnySparkJob(@TempDir Path dir) throws Exception {
    Checkpoint other = Checkpoint.builder("torch").modelFile("weights.bin", new byte[] {1}).build();
    IllegalArgumentException framework =
        assertThrows(
            IllegalArgumentException.class,
            () -> BatchPredictor.fromCheckpoint(other, XGBoostPredictor.class));
    assertTrue(framework.getMessage().contains("torch"), framework.getMessage());

    float[] x = rows(train, List.of("mean radius"));
    DMatrix matrix = new DMatrix(x, x.length, 1, Float.NaN);
    matrix.setLabel(rows(train, List.of("target")));
    Booster booster =
        XGBoost.train(
            matrix, Map.of("objective", "binary:logistic"), 2, new HashMap<>(), null, null);
    Path file = dir.resolve("one.json");
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      booster.saveModel(out, "json");
    }
    BatchPredictor predictor =
        BatchPredictor.fromCheckpoint(
            Checkpoint.fromModel("xgboost", file), XGBoostPredictor.class);
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> predictor.predict(valid, PredictOptions.defaults().featureColumns("nope")));
    assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
    try (AirDataset text =
        air.fromDataFrame(
            valid
                .toDataFrame()
                .select("mean radius")
                .withColumn("mean radius", functions.col("mean radius").cast("string")))) {
      IllegalArgumentException type =
          assertThrows(IllegalArgumentException.class, () -> predictor.predict(text));
      assertTrue(type.getMessage().contains("'mean radius'"), type.getMessage());
    }
  }
}
