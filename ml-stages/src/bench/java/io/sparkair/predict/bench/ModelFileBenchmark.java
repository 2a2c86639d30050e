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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.ModelFileCheckpoint;
import io.sparkair.predict.ModelFilePredictor;
import io.sparkair.predict.ModelSignature;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Batch throughput of {@link ModelFilePredictor} against DJL's own {@code Predictor} loop on the
 * same model file, in the same JVM and run, on one thread each: 1,000,000 rows in batches of 4,096
 * (BatchPredictor's default). The predictor reads Arrow batches of four double columns (what a
 * DataFrame becomes) and returns Arrow columns; the DJL loop starts from the rows already in one
 * float array, row after row (its best case), makes an NDArray of each batch, predicts and copies
 * every output out. Models (ml-core's test models): {@code logistic.onnx} (ONNX Runtime, four
 * features, two outputs) and {@code tanh_net.pt} (TorchScript on PyTorch, four features), so small
 * that the run measures the conversions; and {@code mlp.onnx} and {@code mlp.pt}, one perceptron of
 * 16 -> 64 -> 64 -> 1, a small model of tabular data. A run passes over the rows {@code
 * bench.passes} times, each side after a GC. Prints each run, then the first run and the median and
 * spread of the others.
 *
 * <p>{@code -Dbench.rows} (default 1,000,000), {@code -Dbench.runs} (default 5, after a first),
 * {@code -Dbench.passes} (default 5), {@code -Dbench.models} (default all four, comma-separated).
 */
public final class ModelFileBenchmark {
  private static final int BATCH = 4096;

  private ModelFileBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.rows", 1_000_000);
    int runs = Integer.getInteger("bench.runs", 5);
    int passes = Integer.getInteger("bench.passes", 5);
    System.setProperty("ai.djl.offline", "true");
    Path dir = Files.createTempDirectory("model-file-bench");
    String models = System.getProperty("bench.models", "logistic.onnx,tanh_net.pt,mlp.onnx,mlp.pt");
    for (String model : models.split(",")) {
      boolean mlp = model.startsWith("mlp");
      int features = mlp ? 16 : 4;
      String input = model.equals("tanh_net.pt") ? "x" : "features";
      ModelSignature.Builder signature =
          ModelSignature.builder()
              .input(
                  input,
                  ModelSignature.DataType.FP32,
                  new long[] {-1, features},
                  columns(features));
      if (model.equals("logistic.onnx")) {
        signature.output("probability", "probability").output("logit", "logit");
      } else {
        signature.output(mlp ? "probability" : "y", "prediction");
      }
      bench(model, copy(dir, model), signature.build(), features, rows, runs, passes);
    }
  }

  private static String[] columns(int features) {
    String[] names = new String[features];
    for (int c = 0; c < features; c++) {
      names[c] = "f" + c;
    }
    return names;
  }

  private static Path copy(Path dir, String name) throws Exception {
    Path file = dir.resolve(name);
    try (InputStream in = ModelFileBenchmark.class.getResourceAsStream("/models/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  private static List<VectorSchemaRoot> arrowBatches(
      BufferAllocator allocator, float[] data, int rows, int features) {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int start = 0; start < rows; start += BATCH) {
      int n = Math.min(BATCH, rows - start);
      List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>();
      for (int c = 0; c < features; c++) {
        Float8Vector v = new Float8Vector(columns(features)[c], allocator);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          v.set(i, data[(start + i) * features + c]);
        }
        v.setValueCount(n);
        vectors.add(v);
      }
      batches.add(new VectorSchemaRoot(vectors));
    }
    return batches;
  }

  private static void bench(
      String name,
      Path model,
      ModelSignature signature,
      int features,
      int rows,
      int runs,
      int passes)
      throws Exception {
    float[] data = new float[rows * features];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) Math.sin(i * 0.37);
    }
    System.out.println(
        "== "
            + name
            + ", "
            + rows
            + " rows in batches of "
            + BATCH
            + ", "
            + passes
            + " passes a run");
    String engine = model.toString().endsWith(".onnx") ? "OnnxRuntime" : "PyTorch";
    String file = model.getFileName().toString();
    Criteria<NDList, NDList> criteria =
        Criteria.builder()
            .setTypes(NDList.class, NDList.class)
            .optModelPath(model.getParent())
            .optModelName(file.substring(0, file.lastIndexOf('.')))
            .optEngine(engine)
            .build();
    double[] ours = new double[runs + 1];
    double[] djl = new double[runs + 1];
    try (BufferAllocator allocator = new RootAllocator();
        Batches batches = new Batches(arrowBatches(allocator, data, rows, features));
        Checkpoint checkpoint = ModelFileCheckpoint.create(model, signature);
        ModelFilePredictor predictor = ModelFilePredictor.fromCheckpoint(checkpoint);
        ZooModel<NDList, NDList> zoo = criteria.loadModel();
        ai.djl.inference.Predictor<NDList, NDList> loop = zoo.newPredictor()) {
      for (int run = 0; run <= runs; run++) {
        System.gc();
        long t0 = System.nanoTime();
        double sumOurs = 0;
        for (int pass = 0; pass < passes; pass++) {
          for (VectorSchemaRoot batch : batches.list()) {
            try (VectorSchemaRoot out = predictor.predict(batch)) {
              sumOurs += out.getRowCount();
            }
          }
        }
        ours[run] = (double) rows * passes / ((System.nanoTime() - t0) / 1e9);
        System.gc();
        t0 = System.nanoTime();
        double sumDjl = 0;
        for (int pass = 0; pass < passes; pass++) {
          for (int start = 0; start < rows; start += BATCH) {
            int n = Math.min(BATCH, rows - start);
            try (NDManager manager = zoo.getNDManager().newSubManager()) {
              NDArray x =
                  manager.create(
                      FloatBuffer.wrap(data, start * features, n * features),
                      new Shape(n, features));
              NDList out = loop.predict(new NDList(x));
              for (NDArray y : out) {
                sumDjl += y.toFloatArray().length;
              }
              out.close();
            }
          }
        }
        djl[run] = (double) rows * passes / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(
            "run %d: ModelFilePredictor %.0f rows/s, DJL Predictor loop %.0f rows/s, ratio %.2f"
                + " (%.0f / %.0f values)%n",
            run, ours[run], djl[run], ours[run] / djl[run], sumOurs, sumDjl);
      }
    }
    double[] ratios = new double[runs];
    for (int r = 1; r <= runs; r++) {
      ratios[r - 1] = ours[r] / djl[r];
    }
    System.out.printf(
        "first run: %.0f vs %.0f rows/s (%.2f); runs 1-%d: ModelFilePredictor median %.0f rows/s"
            + " [%.0f-%.0f], DJL loop median %.0f rows/s [%.0f-%.0f], ratio median %.2f"
            + " [%.2f-%.2f]%n",
        ours[0],
        djl[0],
        ours[0] / djl[0],
        runs,
        median(ours, 1),
        min(ours, 1),
        max(ours, 1),
        median(djl, 1),
        min(djl, 1),
        max(djl, 1),
        median(ratios, 0),
        min(ratios, 0),
        max(ratios, 0));
  }

  /** Arrow batches, closed together. */
  private record Batches(List<VectorSchemaRoot> list) implements AutoCloseable {
    @Override
    public void close() {
      list.forEach(VectorSchemaRoot::close);
    }
  }

  private static double median(double[] values, int from) {
    double[] sorted = Arrays.copyOfRange(values, from, values.length);
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values, int from) {
    return Arrays.stream(values, from, values.length).min().orElse(Double.NaN);
  }

  private static double max(double[] values, int from) {
    return Arrays.stream(values, from, values.length).max().orElse(Double.NaN);
  }
}
