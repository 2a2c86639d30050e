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
package io.sparkair.predict.bench;

import io.sparkair.bench.Runs;
import io.sparkair.bench.XGBoostSpark;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.ml.AirModel;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.PredictOptions;
import io.sparkair.predict.XGBoostPredictor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Batch prediction with a 50-round XGBoost model (hist, depth 6) on 1,000,000 fresh rows of 8
 * features, on 2 cores, in one run: native XGBoost4J {@code predict} on a prepared matrix (a new
 * one each time: XGBoost caches the predictions of a matrix it has seen), and {@code
 * inplace_predict} on a float array (the peers); {@code BatchPredictor.predict} on an AIR dataset;
 * {@code AirModel.transform} on a DataFrame (conversion included) against XGBoost4J-Spark's {@code
 * transform} of the same booster on the same DataFrame.
 *
 * <p>Run: {@code mvn -B -DskipTests install && mvn -B -pl ml-stages -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.predict.bench.PredictBenchmark}.
 */
public final class PredictBenchmark {
  private static final int FEATURES = 8;
  private static final int RUNS = Integer.getInteger("bench.runs", 5);

  private PredictBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("bench.rows", 1_000_000L);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("predict-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try {
      run(spark, rows);
    } finally {
      spark.stop();
    }
  }

  private static Dataset<Row> data(SparkSession spark, long rows, int seed) {
    Column[] columns = new Column[FEATURES];
    for (int c = 0; c < FEATURES; c++) {
      columns[c] = functions.rand(seed * 100 + c).alias("f" + c);
    }
    return spark
        .range(0, rows, 1, 2)
        .select(columns)
        .withColumn(
            "label",
            functions
                .when(functions.col("f0").plus(functions.col("f1")).gt(1), 1.0)
                .otherwise(0.0));
  }

  private static float[] features(AirDataset ds, int rows) {
    float[] values = new float[rows * FEATURES];
    int row = 0;
    try (BatchIterator batches = ds.iterBatches(65_536, 0)) {
      while (batches.hasNext()) {
        VectorSchemaRoot b = batches.next();
        for (int i = 0; i < b.getRowCount(); i++, row++) {
          for (int c = 0; c < FEATURES; c++) {
            values[row * FEATURES + c] = (float) ((Float8Vector) b.getVector("f" + c)).get(i);
          }
        }
      }
    }
    return values;
  }

  private static void run(SparkSession spark, long rows) throws Exception {
    Air air = Air.get(spark);
    int n = (int) rows;
    AirDataset train = air.fromDataFrame(data(spark, rows, 1));
    DMatrix trainMatrix = new DMatrix(features(train, n), n, FEATURES, Float.NaN);
    float[] labels = new float[n];
    int i = 0;
    try (BatchIterator batches = train.iterBatches(65_536, 0)) {
      while (batches.hasNext()) {
        VectorSchemaRoot b = batches.next();
        for (int r = 0; r < b.getRowCount(); r++) {
          labels[i++] = (float) ((Float8Vector) b.getVector("label")).get(r);
        }
      }
    }
    trainMatrix.setLabel(labels);
    Map<String, Object> params = new HashMap<>();
    params.put("objective", "binary:logistic");
    params.put("tree_method", "hist");
    params.put("max_depth", 6);
    Booster booster = XGBoost.train(trainMatrix, params, 50, new HashMap<>(), null, null);
    train.close();
    Path dir = Files.createTempDirectory("predict-bench");
    Path file = dir.resolve("booster.json");
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      booster.saveModel(out, "json");
    }
    Checkpoint checkpoint = Checkpoint.fromModel("xgboost", file);

    Dataset<Row> freshDf = data(spark, rows, 2).drop("label").cache();
    freshDf.count();
    AirDataset fresh = air.fromDataFrame(freshDf);
    float[] freshValues = features(fresh, n);
    double[] nativeRuns = new double[RUNS];
    for (int k = 0; k < RUNS; k++) {
      DMatrix unseen = new DMatrix(freshValues, n, FEATURES, Float.NaN);
      long t = System.nanoTime();
      booster.predict(unseen);
      nativeRuns[k] = (System.nanoTime() - t) / 1e9;
      unseen.dispose();
    }
    Runs nativePredict = Runs.of(nativeRuns);
    Runs inplace = runs(() -> booster.inplace_predict(freshValues, n, FEATURES, Float.NaN));

    BatchPredictor predictor = BatchPredictor.fromCheckpoint(checkpoint, XGBoostPredictor.class);
    PredictOptions options = PredictOptions.defaults().batchSize(65_536);
    Runs ours = runs(() -> predictor.predict(fresh, options).close());

    AirModel model = new AirModel(checkpoint);
    Runs transform =
        runs(() -> model.transform(freshDf).write().format("noop").mode("overwrite").save());
    Runs peerTransform = null;
    if (XGBoostSpark.AVAILABLE) {
      Dataset<Row> assembled =
          new VectorAssembler()
              .setInputCols(freshDf.columns())
              .setOutputCol("features")
              .transform(freshDf);
      Transformer peer = XGBoostSpark.model(booster);
      peerTransform =
          runs(() -> peer.transform(assembled).write().format("noop").mode("overwrite").save());
    }
    fresh.close();

    double million = rows / 1e6;
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores; %d fresh rows x %d features, 50 rounds; M rows/s as median [min-max]"
            + " (first) of %d runs, ratios of medians%n",
        Runtime.getRuntime().availableProcessors(),
        rows,
        FEATURES,
        RUNS);
    System.out.printf(
        Locale.ROOT,
        "native XGBoost4J predict (prepared DMatrix): %s; inplace_predict (float array): %s%n",
        rate(million, nativePredict),
        rate(million, inplace));
    System.out.printf(
        Locale.ROOT,
        "BatchPredictor.predict on an AirDataset: %s = %.2fx native predict%n",
        rate(million, ours),
        nativePredict.median() / ours.median());
    if (peerTransform != null) {
      System.out.printf(
          Locale.ROOT,
          "AirModel.transform(df), conversion included: %s; XGBoost4J-Spark transform: %s;"
              + " ratio %.2fx%n",
          rate(million, transform),
          rate(million, peerTransform),
          peerTransform.median() / transform.median());
    } else {
      System.out.printf(
          Locale.ROOT,
          "AirModel.transform(df), conversion included: %s; XGBoost4J-Spark: no build for Spark"
              + " %s%n",
          rate(million, transform),
          freshDf.sparkSession().version());
    }
  }

  private static String rate(double million, Runs seconds) {
    return seconds.map(t -> million / t).describe("%.2f") + " M rows/s";
  }

  private interface Timed {
    void run() throws Exception;
  }

  private static Runs runs(Timed r) throws Exception {
    double[] seconds = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      r.run();
      seconds[i] = (System.nanoTime() - t) / 1e9;
    }
    return Runs.of(seconds);
  }
}
