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
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.spark.SparkShim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code fromDataFrame} as the data grows: 8 double columns at 10M, 30M and 100M rows (the last
 * beyond the object store's budget, so blocks spill), in 2 and 8 partitions, the source cached in
 * Spark and counted first (on disk when it is over a quarter of the heap: Spark builds a cached
 * partition in memory, and two 3.2 GB partitions do not fit beside the store); beside Spark's
 * ArrowWriter path ({@code toArrowBatchRdd}) measured the same way, alternating, in the same run.
 * Then, at the smallest size, sources that are not a cached columnar scan: Parquet, a column
 * computed after the cache, a join. Reports GB/s as the median [min-max] (first) of the runs, the
 * driver's heap after each size, and the exponent of time against rows.
 *
 * <p>Run (about 15 minutes): {@code mvn -B -pl spark-air-plugin -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.data.bench.ConversionScaleBenchmark}; with {@code
 * -Dbench.args="-Dbench.sizes=10000000,30000000 -Dbench.partitions=2 -Dbench.runs=5"} other sizes,
 * partitions or runs; {@code -Dbench.others=false} skips the other sources.
 */
public final class ConversionScaleBenchmark {
  private static final int COLUMNS = 8;

  private ConversionScaleBenchmark() {}

  public static void main(String[] args) {
    long[] sizes =
        Arrays.stream(System.getProperty("bench.sizes", "10000000,30000000,100000000").split(","))
            .mapToLong(Long::parseLong)
            .toArray();
    int runs = Integer.getInteger("bench.runs", 5);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("conversion-scale-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try {
      Air air = Air.get(spark);
      System.out.printf(
          Locale.ROOT,
          "machine: %d cores, driver heap %d MB, store budget %d MB; %d double columns; GB/s as"
              + " median [min-max] (first) of %d runs%n",
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          air.runtime().config().storeBudgetBytes() >> 20,
          COLUMNS,
          runs);
      int[] partitionCounts =
          Arrays.stream(System.getProperty("bench.partitions", "2,8").split(","))
              .mapToInt(Integer::parseInt)
              .toArray();
      for (int partitions : partitionCounts) {
        List<double[]> medians = new ArrayList<>();
        for (long rows : sizes) {
          boolean onDisk = rows * COLUMNS * 8 > Runtime.getRuntime().maxMemory() / 4;
          Dataset<Row> df =
              source(spark, rows, partitions)
                  .persist(onDisk ? StorageLevel.DISK_ONLY() : StorageLevel.MEMORY_AND_DISK());
          df.count();
          medians.add(
              measure(
                  air,
                  df,
                  rows,
                  (onDisk ? "cached on disk, " : "cached, ") + partitions + " partitions",
                  runs));
          df.unpersist(true);
        }
        if (sizes.length > 1) {
          System.out.printf(
              Locale.ROOT,
              "  %d partitions: time grows as rows^%.2f (fromDataFrame), rows^%.2f (ArrowWriter)%n",
              partitions,
              exponent(sizes, medians, 0),
              exponent(sizes, medians, 1));
        }
      }
      if (!"false".equals(System.getProperty("bench.others"))) {
        otherSources(spark, air, sizes[0], runs);
      }
    } finally {
      spark.stop();
    }
  }

  private static Dataset<Row> source(SparkSession spark, long rows, int partitions) {
    Column[] cols = new Column[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      cols[c] = functions.col("id").multiply(c + 0.5).alias("c" + c);
    }
    return spark.range(0, rows, 1, partitions).select(cols);
  }

  /** Parquet, a column computed after the cache, and a join, at {@code rows} rows. */
  private static void otherSources(SparkSession spark, Air air, long rows, int runs) {
    Dataset<Row> cached = source(spark, rows, 2).cache();
    cached.count();
    measure(air, cached, rows, "cached columnar scan (the reference)", runs);
    measure(
        air,
        cached.withColumn("c7", functions.col("c7").multiply(2.0)),
        rows,
        "a column computed after the cache",
        runs);
    Dataset<Row> lookup =
        spark
            .range(0, 1000)
            .select(functions.col("id").alias("k"), functions.col("id").multiply(0.25).alias("w"));
    Dataset<Row> joined =
        cached
            .withColumn("k", functions.pmod(functions.col("c0").cast("long"), functions.lit(1000L)))
            .join(functions.broadcast(lookup), "k")
            .drop("k", "w");
    measure(air, joined, rows, "a broadcast join that keeps every row", runs);
    Path dir;
    try {
      dir = Files.createTempDirectory("conversion-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String path = dir.resolve("rows.parquet").toString();
    cached.write().parquet(path);
    cached.unpersist(true);
    measure(air, spark.read().parquet(path), rows, "Parquet", runs);
    FileUtils.deleteQuietly(dir.toFile());
  }

  /**
   * Converts {@code df} {@code runs} times each way, alternating; prints the figures and returns
   * the median seconds of fromDataFrame and of the ArrowWriter path.
   */
  private static double[] measure(Air air, Dataset<Row> df, long rows, String what, int runs) {
    double bytes = rows * COLUMNS * 8.0;
    long heapBefore = usedHeap();
    long spillsBefore = air.runtime().store().stats().spills();
    double[] ours = new double[runs];
    double[] arrow = new double[runs];
    for (int run = 0; run < runs; run++) {
      long t = System.nanoTime();
      air.fromDataFrame(df).close();
      ours[run] = (System.nanoTime() - t) / 1e9;
      t = System.nanoTime();
      SparkShim.toArrowBatchRdd(df).count();
      arrow[run] = (System.nanoTime() - t) / 1e9;
    }
    long heapAfter = usedHeap();
    System.out.printf(
        Locale.ROOT,
        "%,d rows, %s: fromDataFrame %s; ArrowWriter %s; %.2fx; first run %.2fx the median;"
            + " driver heap %+.0f MB; blocks spilled %d%n",
        rows,
        what,
        gbs(bytes, ours),
        gbs(bytes, arrow),
        median(arrow) / median(ours),
        median(ours) / ours[0],
        (heapAfter - heapBefore) / 1e6,
        air.runtime().store().stats().spills() - spillsBefore);
    return new double[] {median(ours), median(arrow)};
  }

  /** The least-squares slope of log(time) against log(rows). */
  private static double exponent(long[] sizes, List<double[]> medians, int which) {
    int n = sizes.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += Math.log(sizes[i]) / n;
      my += Math.log(medians.get(i)[which]) / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(sizes[i]) - mx;
      sxy += dx * (Math.log(medians.get(i)[which]) - my);
      sxx += dx * dx;
    }
    return sxy / sxx;
  }

  private static String gbs(double bytes, double[] seconds) {
    return Runs.of(seconds).map(t -> bytes / t / 1e9).describe("%.2f") + " GB/s";
  }

  private static double median(double[] values) {
    return Runs.of(values).median();
  }

  private static long usedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
