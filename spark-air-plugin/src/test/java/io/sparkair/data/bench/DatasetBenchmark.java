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
package io.sparkair.data.bench;

import io.sparkair.bench.Runs;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.data.BlockRef;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.spark.SparkShim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;

/**
 * DataFrame to AIR dataset conversion, beside Spark's own paths in the same run: a bare scan of the
 * same rows (the ceiling), Spark's ArrowWriter path ({@code toArrowBatchRdd}), {@code
 * collectAsList} and {@code toLocalIterator}; then streaming the dataset with {@code iterBatches}.
 * The source is cached first so that every path reads the same rows; the same rows are then read
 * from Parquet, where both conversions read Spark's vectorized reader.
 *
 * <p>Run: {@code mvn -B -pl spark-air-plugin -Pbench test-compile exec:exec}; rows with {@code
 * -Dbench.rows=10000000}. With {@code -Dbench.remote=true} it instead runs on two executor JVMs
 * ({@code local-cluster}) and streams the blocks, all remote, on the driver.
 */
public final class DatasetBenchmark {
  private static final int COLUMNS = 8;

  /** Rounds of the remote comparison, each reading the dataset once in each way. */
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);

  private DatasetBenchmark() {}

  public static void main(String[] args) {
    long rows = Long.getLong("bench.rows", 10_000_000L);
    boolean remote = Boolean.getBoolean("bench.remote");
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("dataset-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName());
    if (remote) {
      builder
          .master("local-cluster[2,1,3072]")
          .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
          .config("spark.executor.extraJavaOptions", System.getProperty("bench.jvm.options", ""))
          .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.12")
          .config("spark.executorEnv.SPARK_TESTING", "1");
    } else {
      builder.master("local[2]");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      if (remote) {
        runRemote(spark, rows);
      } else {
        run(spark, rows);
      }
    } finally {
      spark.stop();
    }
  }

  /** Streams blocks held by two executor JVMs on the driver, against a local-block stream. */
  private static void runRemote(SparkSession spark, long rows) {
    Air air = Air.get(spark);
    air.awaitNodes(2, java.time.Duration.ofSeconds(120));
    Column[] cols = new Column[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      cols[c] = functions.col("id").multiply(c + 0.5).alias("c" + c);
    }
    double mb = rows * COLUMNS * 8 / 1e6;
    try (AirDataset ds = air.fromDataFrame(spark.range(0, rows, 1, 8).select(cols))) {
      System.out.printf(
          Locale.ROOT,
          "%d rows x %d doubles = %.0f MB in %s%n",
          rows,
          COLUMNS,
          mb,
          ds.rowsPerExecutor());
      Map<String, Integer> peers = PlainFlightPeers.start(spark, air.settings(), 16);
      double[] prefetched = new double[ROUNDS];
      double[] unprefetched = new double[ROUNDS];
      double[] plain = new double[ROUNDS];
      try (BufferAllocator allocator = new RootAllocator()) {
        for (int i = 0; i < ROUNDS; i++) {
          // alternating, so that warming up and the machine's phases fall on all three alike
          prefetched[i] = timed(() -> sumAll(ds, 2));
          unprefetched[i] = timed(() -> sumAll(ds, 0));
          plain[i] = timed(() -> plainSum(peers, ds.blocks(), allocator));
        }
      }
      Runs remoteIter = Runs.of(prefetched);
      Runs noPrefetch = Runs.of(unprefetched);
      Runs plainFlight = Runs.of(plain);
      System.out.printf(
          Locale.ROOT,
          "iterBatches on the driver over remote blocks: %s with 2 blocks prefetched, "
              + "%s without prefetch; Arrow's own Flight (zero-copy writes) from the same"
              + " executors: %s; iterBatches / plain Flight, ratio of medians: %.2f prefetched,"
              + " %.2f without%n",
          rate(mb, remoteIter),
          rate(mb, noPrefetch),
          rate(mb, plainFlight),
          plainFlight.median() / remoteIter.median(),
          plainFlight.median() / noPrefetch.median());
    }
  }

  private static void plainSum(
      Map<String, Integer> peers, List<BlockRef> blocks, BufferAllocator allocator) {
    try {
      if (PlainFlightPeers.sum(peers, blocks, allocator) < 0) {
        throw new IllegalStateException("negative sum");
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sumAll(AirDataset ds, int prefetch) {
    double sum = 0;
    try (BatchIterator it = ds.iterBatches(64_512, prefetch)) {
      while (it.hasNext()) {
        VectorSchemaRoot batch = it.next();
        for (FieldVector v : batch.getFieldVectors()) {
          Float8Vector d = (Float8Vector) v;
          for (int i = 0; i < batch.getRowCount(); i++) {
            sum += d.getDataBuffer().getDouble((long) i * 8);
          }
        }
      }
    }
    if (sum < 0) {
      throw new IllegalStateException();
    }
  }

  private static void run(SparkSession spark, long rows) {
    Air air = Air.get(spark);
    Column[] cols = new Column[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      cols[c] = functions.col("id").multiply(c + 0.5).alias("c" + c);
    }
    Dataset<Row> df = spark.range(0, rows, 1, 2).select(cols).cache();
    df.count();
    double mb = rows * COLUMNS * 8 / 1e6;
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores; %d rows x %d doubles = %.0f MB%n",
        Runtime.getRuntime().availableProcessors(),
        rows,
        COLUMNS,
        mb);

    Runs scan =
        runs(
            () ->
                df.queryExecution()
                    .toRdd()
                    .toJavaRDD()
                    .foreachPartition(
                        (Iterator<InternalRow> it) -> {
                          while (it.hasNext()) {
                            it.next();
                          }
                        }));
    Runs arrow = runs(() -> SparkShim.toArrowBatchRdd(df).count());
    long collectRows = Math.min(rows, 2_000_000L);
    double collect = timed(() -> df.limit((int) collectRows).collectAsList()) * rows / collectRows;
    double local =
        timed(
            () -> {
              Iterator<Row> it = df.toLocalIterator();
              while (it.hasNext()) {
                it.next();
              }
            });

    long heapBefore = usedHeap();
    AirDataset[] kept = new AirDataset[1];
    Runs ours =
        runs(
            () -> {
              if (kept[0] != null) {
                kept[0].close();
              }
              kept[0] = air.fromDataFrame(df);
            });
    long heapGrowth = usedHeap() - heapBefore;
    AirDataset ds = kept[0];
    Runs iter = runs(() -> sumAll(ds, 2));

    System.out.printf(Locale.ROOT, "bare scan of the cached rows (ceiling): %s%n", rate(mb, scan));
    System.out.printf(
        Locale.ROOT, "Spark ArrowWriter path (toArrowBatchRdd): %s%n", rate(mb, arrow));
    System.out.printf(
        Locale.ROOT, "collectAsList (%d rows, scaled): %.0f MB/s%n", collectRows, mb / collect);
    System.out.printf(Locale.ROOT, "toLocalIterator: %.0f MB/s%n", mb / local);
    System.out.printf(
        Locale.ROOT,
        "fromDataFrame: %s = %.2fx Spark's ArrowWriter path, %.2fx the bare scan (medians); "
            + "driver heap growth %.1f MB; store bytes per data byte %.3f%n",
        rate(mb, ours),
        arrow.median() / ours.median(),
        scan.median() / ours.median(),
        heapGrowth / 1e6,
        ds.sizeBytes() / (mb * 1e6));
    System.out.printf(
        Locale.ROOT, "iterBatches (local blocks, sum of all values): %s%n", rate(mb, iter));
    ds.close();
    parquet(spark, df, mb);
  }

  /** The same rows read from Parquet: Spark's ArrowWriter path against fromDataFrame. */
  private static void parquet(SparkSession spark, Dataset<Row> cached, double mb) {
    Path dir;
    try {
      dir = Files.createTempDirectory("dataset-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String path = dir.resolve("rows.parquet").toString();
    cached.write().parquet(path);
    Dataset<Row> df = spark.read().parquet(path);
    Air air = Air.get(spark);
    Runs arrow = runs(() -> SparkShim.toArrowBatchRdd(df).count());
    Runs ours = runs(() -> air.fromDataFrame(df).close());
    System.out.printf(
        Locale.ROOT,
        "Parquet: Spark ArrowWriter path %s; fromDataFrame %s = %.2fx (medians)%n",
        rate(mb, arrow),
        rate(mb, ours),
        arrow.median() / ours.median());
    FileUtils.deleteQuietly(dir.toFile());
  }

  private static long usedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Five runs, in seconds. */
  private static Runs runs(Runnable r) {
    double[] seconds = new double[5];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = timed(r);
    }
    return Runs.of(seconds);
  }

  private static String rate(double mb, Runs seconds) {
    return seconds.map(t -> mb / t).describe("%.0f") + " MB/s";
  }

  private static double timed(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1e9;
  }
}
