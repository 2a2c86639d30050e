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
package io.sparkair.train.bench;

import io.sparkair.bench.Runs;
import io.sparkair.bench.XGBoostSpark;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.Communicator;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.RabitTracker;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * XGBoost training, 1,000,000 rows x 8 features, 50 rounds, hist, depth 6, on 2 cores, in one run:
 * native XGBoost4J in one process (2 threads), two tracker-joined XGBoost workers as threads of one
 * JVM (evaluating never, every round, and every 10 rounds), {@code XGBoostTrainer.fit} on an AIR
 * dataset (2 workers of 1 core; evaluating every round, and with {@code setEvalFrequency(10)}), and
 * XGBoost4J-Spark's {@code XGBoostClassifier.fit} (2 workers, on the same rows assembled into a
 * cached vector column; Spark 3.5 only, as XGBoost4J-Spark has no Spark 4 build). The one-time
 * DataFrame-to-dataset conversion is timed apart from the fit.
 *
 * <p>Run: {@code mvn -B -DskipTests install && mvn -B -pl ml-stages -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.train.bench.TrainerBenchmark}; rows with {@code
 * -Dbench.args=-Dbench.rows=N}, runs with {@code -Dbench.runs=N} (5).
 */
public final class TrainerBenchmark {
  private static final int FEATURES = 8;
  private static final int ROUNDS = 50;
  private static final int EVAL_EVERY = 10;

  private TrainerBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("bench.rows", 1_000_000L);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("trainer-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try {
      run(spark, rows);
    } finally {
      spark.stop();
    }
  }

  private static Map<String, Object> params(int threads) {
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "binary:logistic");
    p.put("tree_method", "hist");
    p.put("max_depth", 6);
    p.put("nthread", threads);
    return p;
  }

  private static void run(SparkSession spark, long rows) throws Exception {
    Column[] columns = new Column[FEATURES];
    String[] names = new String[FEATURES];
    for (int c = 0; c < FEATURES; c++) {
      names[c] = "f" + c;
      columns[c] = functions.rand(c).alias(names[c]);
    }
    Dataset<Row> df =
        spark
            .range(0, rows, 1, 2)
            .select(columns)
            .withColumn(
                "label",
                functions
                    .when(
                        functions
                            .col("f0")
                            .plus(functions.col("f1"))
                            .plus(functions.rand(99).multiply(0.2))
                            .gt(1.1),
                        1.0)
                    .otherwise(0.0))
            .cache();
    df.count();
    Air air = Air.get(spark);

    long t0 = System.nanoTime();
    AirDataset ds = air.fromDataFrame(df);
    double convert = seconds(t0);

    float[] values = new float[(int) rows * FEATURES];
    float[] labels = new float[(int) rows];
    int row = 0;
    try (BatchIterator batches = ds.iterBatches(65_536, 0)) {
      while (batches.hasNext()) {
        VectorSchemaRoot b = batches.next();
        for (int i = 0; i < b.getRowCount(); i++, row++) {
          for (int c = 0; c < FEATURES; c++) {
            values[row * FEATURES + c] = (float) ((Float8Vector) b.getVector(c)).get(i);
          }
          labels[row] = (float) ((Float8Vector) b.getVector("label")).get(i);
        }
      }
    }
    DMatrix matrix = new DMatrix(values, (int) rows, FEATURES, Float.NaN);
    matrix.setLabel(labels);
    int runs = Integer.getInteger("bench.runs", 5);
    String storage = Files.createTempDirectory("trainer-bench").toString();
    double[] nativeFit = new double[runs];
    double[] pair = new double[runs];
    double[] pairEval = new double[runs];
    double[] pairEvalK = new double[runs];
    double[] ours = new double[runs];
    double[] oursK = new double[runs];
    for (int run = 0; run < runs; run++) {
      long t = System.nanoTime();
      XGBoost.train(matrix, params(2), ROUNDS, new HashMap<>(), null, null).dispose();
      nativeFit[run] = seconds(t);
      pair[run] = trackerPair(values, labels, (int) rows, 0);
      pairEval[run] = trackerPair(values, labels, (int) rows, 1);
      pairEvalK[run] = trackerPair(values, labels, (int) rows, EVAL_EVERY);
      ours[run] = fit(ds, storage, 1);
      oursK[run] = fit(ds, storage, EVAL_EVERY);
    }

    double sparkFit = Double.NaN;
    if (XGBoostSpark.AVAILABLE) {
      Dataset<Row> assembled =
          new VectorAssembler()
              .setInputCols(names)
              .setOutputCol("features")
              .transform(df)
              .select("features", "label")
              .cache();
      assembled.count();
      double[] sparkFits = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        XGBoostSpark.classifier(2, ROUNDS, 6).fit(assembled);
        sparkFits[i] = seconds(t);
      }
      sparkFit = median(sparkFits);
    }
    ds.close();

    System.out.printf(
        Locale.ROOT,
        "machine: %d cores; %d rows x %d features, %d rounds; seconds as median [min-max]"
            + " (first run) of %d runs, ratios of medians%n",
        Runtime.getRuntime().availableProcessors(),
        rows,
        FEATURES,
        ROUNDS,
        runs);
    System.out.printf(
        Locale.ROOT, "native XGBoost4J, one process, 2 threads: %s%n", spread(nativeFit));
    System.out.printf(
        Locale.ROOT,
        "two tracker workers in one JVM, 1 thread each: no evaluation %s; evaluating train every"
            + " round %s; every %d rounds %s%n",
        spread(pair),
        spread(pairEval),
        EVAL_EVERY,
        spread(pairEvalK));
    System.out.printf(
        Locale.ROOT,
        "XGBoostTrainer.fit, 2 workers, evaluating every round: %s = %.2fx the tracker pair"
            + " evaluating every round, %.2fx native%n",
        spread(ours),
        median(ours) / median(pairEval),
        median(ours) / median(nativeFit));
    System.out.printf(
        Locale.ROOT,
        "XGBoostTrainer.fit, setEvalFrequency(%d): %s = %.2fx the tracker pair evaluating every"
            + " %d rounds; one-time fromDataFrame: %.2f s%n",
        EVAL_EVERY,
        spread(oursK),
        median(oursK) / median(pairEvalK),
        EVAL_EVERY,
        convert);
    if (XGBoostSpark.AVAILABLE) {
      System.out.printf(
          Locale.ROOT,
          "XGBoost4J-Spark XGBoostClassifier.fit, 2 workers: median %.2f s; "
              + "XGBoostTrainer is %.2fx faster%n",
          sparkFit,
          sparkFit / median(ours));
    } else {
      System.out.printf(Locale.ROOT, "XGBoost4J-Spark: no build for Spark %s%n", spark.version());
    }
  }

  private static double fit(AirDataset ds, String storage, int evalFrequency) {
    long t = System.nanoTime();
    new XGBoostTrainer()
        .setLabelColumn("label")
        .setNumBoostRound(ROUNDS)
        .setParams(params(1))
        .setEvalFrequency(evalFrequency)
        .setScalingConfig(ScalingConfig.of(2))
        .setDataset("train", ds)
        .setRunConfig(new RunConfig().setStoragePath(storage).setVerbose(0))
        .fit();
    return seconds(t);
  }

  private static String spread(double[] seconds) {
    return Runs.of(seconds).describe("%.2f") + " s";
  }

  private static double median(double[] seconds) {
    return Runs.of(seconds).median();
  }

  /**
   * Two XGBoost workers as threads of this JVM joined by a tracker, each on half the rows: the
   * collective's own cost, without Spark AIR.
   */
  private static double trackerPair(float[] values, float[] labels, int rows, int evalEvery)
      throws Exception {
    RabitTracker tracker = new RabitTracker(2, "127.0.0.1");
    tracker.start();
    Map<String, Object> workerArgs = tracker.getWorkerArgs();
    int half = rows / 2;
    long t = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    for (int rank = 0; rank < 2; rank++) {
      int from = rank * half;
      int to = rank == 0 ? half : rows;
      String id = String.valueOf(rank);
      Thread worker =
          new Thread(
              () -> {
                try {
                  Map<String, Object> a = new HashMap<>(workerArgs);
                  a.put("dmlc_task_id", id);
                  Communicator.init(a);
                  try {
                    DMatrix m =
                        new DMatrix(
                            Arrays.copyOfRange(values, from * FEATURES, to * FEATURES),
                            to - from,
                            FEATURES,
                            Float.NaN);
                    m.setLabel(Arrays.copyOfRange(labels, from, to));
                    Booster booster =
                        XGBoost.train(m, params(1), 0, new HashMap<>(), null, null, null, 0, null);
                    for (int round = 0; round < ROUNDS; round++) {
                      booster.update(m, round);
                      if (evalEvery > 0 && ((round + 1) % evalEvery == 0 || round + 1 == ROUNDS)) {
                        booster.evalSet(new DMatrix[] {m}, new String[] {"train"}, round);
                      }
                    }
                    booster.dispose();
                    m.dispose();
                  } finally {
                    Communicator.shutdown();
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      worker.start();
      threads.add(worker);
    }
    for (Thread worker : threads) {
      worker.join();
    }
    double took = seconds(t);
    tracker.waitFor(0L);
    tracker.stop();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("tracker pair failed", errors.get(0));
    }
    return took;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
