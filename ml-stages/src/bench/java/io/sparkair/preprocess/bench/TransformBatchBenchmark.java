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
package io.sparkair.preprocess.bench;

import io.sparkair.preprocess.StandardScaler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code StandardScaler.transformBatch} on 8 double columns of 64,512 rows, against a plain Java
 * loop computing {@code (x - mean) / std} from the same Arrow buffers into output buffers allocated
 * once (the limit). One thread, so the figures are per core.
 *
 * <p>Run: {@code mvn -B -DskipTests install && mvn -B -pl ml-stages -Pbench test-compile
 * exec:exec}. It prints rows/s for both and their ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class TransformBatchBenchmark {
  static final int ROWS = 64_512;
  static final int COLUMNS = 8;

  private BufferAllocator allocator;
  private VectorSchemaRoot batch;
  private StandardScaler scaler;
  private double[] means;
  private double[] stds;
  private Float8Vector[] outputs;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = new RootAllocator();
    Random random = new Random(42);
    List<FieldVector> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < COLUMNS; c++) {
      Float8Vector v = new Float8Vector("c" + c, allocator);
      v.allocateNew(ROWS);
      for (int i = 0; i < ROWS; i++) {
        v.set(i, random.nextGaussian() * (c + 1) + c);
      }
      v.setValueCount(ROWS);
      columns.add(v);
      names.add("c" + c);
    }
    batch = new VectorSchemaRoot(columns);
    scaler = new StandardScaler(names);
    scaler.fitBatches(List.of(batch));
    means = new double[COLUMNS];
    stds = new double[COLUMNS];
    outputs = new Float8Vector[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      means[c] = (Double) scaler.stats().get("mean(c" + c + ")");
      stds[c] = (Double) scaler.stats().get("std(c" + c + ")");
      outputs[c] = new Float8Vector("out" + c, allocator);
      outputs[c].allocateNew(ROWS);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    for (Float8Vector out : outputs) {
      out.close();
    }
    batch.close();
    allocator.close();
  }

  /** The preprocessor, allocating and freeing its output batch each time. */
  @Benchmark
  public void transformBatch(Blackhole hole) {
    try (VectorSchemaRoot out = scaler.transformBatch(batch)) {
      hole.consume(out.getRowCount());
    }
  }

  /** The limit: the same arithmetic over the same buffers into preallocated outputs. */
  @Benchmark
  public void plainLoop(Blackhole hole) {
    for (int c = 0; c < COLUMNS; c++) {
      ArrowBuf in = batch.getVector(c).getDataBuffer();
      ArrowBuf out = outputs[c].getDataBuffer();
      double mean = means[c];
      double std = stds[c];
      for (long at = 0, end = (long) ROWS * 8; at < end; at += 8) {
        out.setDouble(at, (in.getDouble(at) - mean) / std);
      }
      outputs[c].setValueCount(ROWS);
    }
    hole.consume(outputs);
  }

  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder().include(TransformBatchBenchmark.class.getSimpleName()).build())
            .run();
    double ours = 0;
    double plain = 0;
    for (RunResult result : results) {
      double batchesPerSecond = result.getPrimaryResult().getScore();
      if (result.getParams().getBenchmark().endsWith("transformBatch")) {
        ours = batchesPerSecond * ROWS;
      } else {
        plain = batchesPerSecond * ROWS;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "StandardScaler.transformBatch, %d double columns, one core: "
            + "%.1f M rows/s; plain loop over the same buffers: %.1f M rows/s; ratio %.2f%n",
        COLUMNS,
        ours / 1e6,
        plain / 1e6,
        ours / plain);
  }
}
