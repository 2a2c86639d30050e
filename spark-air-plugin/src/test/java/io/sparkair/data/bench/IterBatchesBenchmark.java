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
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import java.util.Arrays;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code iterBatches(n, 2)} over local blocks for batch sizes from 256 to 1,048,576 rows, reading
 * every value of every column, beside {@code System.arraycopy} of the same number of bytes in the
 * same run. The blocks hold batches of 64,512 rows: smaller batches are slices of them, larger ones
 * are assembled. Reports GB/s (all columns' bytes) as median [min-max] and the first of the runs.
 *
 * <p>Run: {@code mvn -B -pl spark-air-plugin -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.data.bench.IterBatchesBenchmark -Dbench.rows=10000000}; runs with {@code
 * -Dbench.args=-Dbench.runs=N} (5).
 */
public final class IterBatchesBenchmark {
  private static final int COLUMNS = 8;
  private static final int[] SIZES = {
    256, 1_024, 4_096, 10_000, 16_384, 64_512, 65_536, 262_144, 1_048_576
  };

  private IterBatchesBenchmark() {}

  public static void main(String[] args) {
    long rows = Long.getLong("bench.rows", 10_000_000L);
    int runs = Integer.getInteger("bench.runs", 5);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("iter-batches-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try {
      Column[] cols = new Column[COLUMNS];
      for (int c = 0; c < COLUMNS; c++) {
        cols[c] = functions.col("id").multiply(c + 0.5).alias("c" + c);
      }
      long bytes = rows * COLUMNS * 8;
      try (AirDataset ds = Air.get(spark).fromDataFrame(spark.range(0, rows, 1, 2).select(cols))) {
        System.out.printf(
            Locale.ROOT,
            "machine: %d cores; %d rows x %d doubles = %.0f MB of local blocks; GB/s as median"
                + " [min-max] (first) of %d runs%n",
            Runtime.getRuntime().availableProcessors(),
            rows,
            COLUMNS,
            bytes / 1e6,
            runs);
        double[] copy = new double[runs];
        double[][] sizes = new double[SIZES.length][runs];
        for (int run = 0; run < runs; run++) {
          copy[run] = arraycopy(bytes);
          for (int s = 0; s < SIZES.length; s++) {
            long t = System.nanoTime();
            readAll(ds, SIZES[s]);
            sizes[s][run] = bytes / (double) (System.nanoTime() - t);
          }
        }
        System.out.printf(Locale.ROOT, "System.arraycopy of as many bytes: %s%n", spread(copy));
        for (int s = 0; s < SIZES.length; s++) {
          System.out.printf(
              Locale.ROOT,
              "iterBatches(%,d): %s = %.2fx arraycopy%s%n",
              SIZES[s],
              spread(sizes[s]),
              median(sizes[s]) / median(copy),
              s == 0
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      "; %.2fx the time of %,d rows",
                      median(sizes[s - 1]) / median(sizes[s]),
                      SIZES[s - 1]));
        }
      }
    } finally {
      spark.stop();
    }
  }

  /** Reads every value of every column; the sum keeps the reads from being optimized away. */
  private static void readAll(AirDataset ds, int batchSize) {
    double sum = 0;
    try (BatchIterator it = ds.iterBatches(batchSize, 2)) {
      while (it.hasNext()) {
        VectorSchemaRoot batch = it.next();
        int n = batch.getRowCount();
        for (FieldVector v : batch.getFieldVectors()) {
          ArrowBuf data = v.getDataBuffer();
          for (int i = 0; i < n; i++) {
            sum += data.getDouble((long) i * 8);
          }
        }
      }
    }
    if (sum < 0) {
      throw new IllegalStateException("negative sum " + sum);
    }
  }

  /** GB/s of System.arraycopy moving {@code bytes} in 64 MB pieces. */
  private static double arraycopy(long bytes) {
    byte[] from = new byte[64 << 20];
    byte[] to = new byte[64 << 20];
    Arrays.fill(from, (byte) 1);
    long t = System.nanoTime();
    for (long done = 0; done < bytes; done += from.length) {
      int n = (int) Math.min(from.length, bytes - done);
      System.arraycopy(from, 0, to, 0, n);
    }
    if (to[0] != 1) {
      throw new IllegalStateException();
    }
    return bytes / (double) (System.nanoTime() - t);
  }

  private static double median(double[] values) {
    return Runs.of(values).median();
  }

  private static String spread(double[] gbs) {
    return Runs.of(gbs).describe("%.2f") + " GB/s";
  }
}
