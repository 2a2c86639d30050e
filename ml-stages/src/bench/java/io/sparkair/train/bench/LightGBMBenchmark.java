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

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.sparkair.bench.Runs;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.predict.FeatureRows;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.lightgbm.LightGBMTrainer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * LightGBM training, 1,000,000 rows x 8 features, 50 rounds, 31 leaves, on 2 cores, in one run:
 * lightgbm4j in one process (2 threads, dataset construction included), two workers of LightGBM's
 * own data-parallel network as threads of one JVM (1 thread each, with and without evaluating the
 * training set every round), and {@code LightGBMTrainer.fit} with 2 workers of 1 core on an AIR
 * dataset in {@code local[2]}.
 *
 * <p>Run: {@code mvn -B -DskipTests install && mvn -B -pl ml-stages -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.train.bench.LightGBMBenchmark}; rows with {@code
 * -Dbench.args=-Dbench.rows=N}.
 */
public final class LightGBMBenchmark {
  private static final int FEATURES = 8;
  private static final int ROUNDS = 50;
  private static final String PARAMS =
      "objective=binary num_leaves=31 learning_rate=0.1 " + "verbosity=-1";

  private LightGBMBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("bench.rows", 1_000_000L);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("lightgbm-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try {
      run(spark, rows);
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, long rows) throws Exception {
    Column[] columns = new Column[FEATURES + 1];
    List<String> names = new ArrayList<>();
    for (int c = 0; c < FEATURES; c++) {
      names.add("f" + c);
      columns[c] = functions.rand(c).alias("f" + c);
    }
    columns[FEATURES] =
        functions
            .when(
                functions
                    .col("f0")
                    .plus(functions.col("f1"))
                    .plus(functions.rand(99).multiply(0.2))
                    .gt(1.1),
                1.0)
            .otherwise(0.0)
            .alias("label");
    Air air = Air.get(spark);
    try (AirDataset ds = air.fromDataFrame(spark.range(0, rows, 1, 2).select(columns))) {
      FeatureRows all = new FeatureRows();
      try (BatchIterator batches = ds.iterBatches(65_536, 0)) {
        while (batches.hasNext()) {
          all.add(batches.next(), "label", names);
        }
      }
      int n = all.rows();
      float[] values = Arrays.copyOf(all.values(), n * FEATURES);
      float[] labels = Arrays.copyOf(all.labels(), n);
      int runs = Integer.getInteger("bench.runs", 5);
      String storage = Files.createTempDirectory("lightgbm-bench").toString();
      double[] single = new double[runs];
      double[] pair = new double[runs];
      double[] pairEval = new double[runs];
      double[] ours = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        try (LGBMDataset data =
            LGBMDataset.createFromMat(values, n, FEATURES, true, PARAMS + " num_threads=2", null)) {
          data.setField("label", labels);
          try (LGBMBooster booster = LGBMBooster.create(data, PARAMS + " num_threads=2")) {
            for (int r = 0; r < ROUNDS; r++) {
              booster.updateOneIter();
            }
          }
        }
        single[i] = seconds(t);
        pair[i] = networkPair(values, labels, n, false);
        pairEval[i] = networkPair(values, labels, n, true);
        t = System.nanoTime();
        new LightGBMTrainer()
            .setLabelColumn("label")
            .setNumBoostRound(ROUNDS)
            .setParams(Map.of("objective", "binary", "num_leaves", 31, "learning_rate", 0.1))
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("train", ds)
            .setRunConfig(new RunConfig().setStoragePath(storage).setVerbose(0))
            .fit();
        ours[i] = seconds(t);
      }
      Runs singleRuns = Runs.of(single);
      Runs pairRuns = Runs.of(pair);
      Runs pairEvalRuns = Runs.of(pairEval);
      Runs oursRuns = Runs.of(ours);
      System.out.printf(
          Locale.ROOT,
          "machine: %d cores; %d rows x %d features, %d rounds; seconds as median [min-max]"
              + " (first) of %d runs, ratios of medians%n",
          Runtime.getRuntime().availableProcessors(),
          n,
          FEATURES,
          ROUNDS,
          runs);
      System.out.printf(
          Locale.ROOT, "lightgbm4j, one process, 2 threads: %s s%n", singleRuns.describe("%.2f"));
      System.out.printf(
          Locale.ROOT,
          "two LightGBM network workers as threads of one JVM, 1 "
              + "thread each: %s s (%.2fx single-process); evaluating train every round as the "
              + "trainer does: %s s (%.2fx)%n",
          pairRuns.describe("%.2f"),
          pairRuns.median() / singleRuns.median(),
          pairEvalRuns.describe("%.2f"),
          pairEvalRuns.median() / singleRuns.median());
      System.out.printf(
          Locale.ROOT,
          "LightGBMTrainer.fit, 2 workers of 1 core: %s s = %.2fx "
              + "single-process (target <= 1.5x), %.2fx the network pair with evaluation%n",
          oursRuns.describe("%.2f"),
          oursRuns.median() / singleRuns.median(),
          oursRuns.median() / pairEvalRuns.median());
    }
  }

  /**
   * Two LightGBM workers as threads of this JVM joined by LightGBM's own socket network, each on
   * half the rows: the data-parallel algorithm's own cost, without Spark AIR.
   */
  private static double networkPair(float[] values, float[] labels, int n, boolean eval)
      throws Exception {
    int[] ports = {freePort(), freePort()};
    String machines = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
    int half = n / 2;
    List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread[] workers = new Thread[2];
    long t = System.nanoTime();
    for (int rank = 1; rank >= 0; rank--) {
      int r = rank;
      workers[rank] =
          new Thread(
              () -> {
                try {
                  com.microsoft.ml.lightgbm.lightgbmlib.LGBM_NetworkInit(
                      "rank=" + r + "," + machines, ports[r], 2, 2);
                  int from = r * half;
                  int to = r == 0 ? half : n;
                  String p = PARAMS + " num_threads=1 tree_learner=data num_machines=2";
                  try (LGBMDataset data =
                      LGBMDataset.createFromMat(
                          Arrays.copyOfRange(values, from * FEATURES, to * FEATURES),
                          to - from,
                          FEATURES,
                          true,
                          p,
                          null)) {
                    data.setField("label", Arrays.copyOfRange(labels, from, to));
                    try (LGBMBooster booster = LGBMBooster.create(data, p)) {
                      for (int round = 0; round < ROUNDS; round++) {
                        booster.updateOneIter();
                        if (eval) {
                          booster.getEval(0);
                        }
                      }
                    }
                  } finally {
                    com.microsoft.ml.lightgbm.lightgbmlib.LGBM_NetworkFree();
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      workers[rank].start();
      Thread.sleep(100);
    }
    for (Thread w : workers) {
      w.join();
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("a LightGBM worker failed", errors.get(0));
    }
    return seconds(t);
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
