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

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.runtime.memory.Allocators;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Predicts with a model file made elsewhere, a TorchScript or an ONNX model, that DJL loads with
 * its PyTorch or ONNX Runtime engine; the checkpoint's {@link ModelSignature} says which columns
 * feed the model's inputs and which columns its outputs become. Made from a {@link
 * ModelFileCheckpoint}; the engine's jars must be on the classpath ({@code
 * ai.djl.pytorch:pytorch-engine} or {@code ai.djl.onnxruntime:onnxruntime-engine}). It is
 * serializable: the model loads once per JVM, where it is first used.
 */
public final class ModelFilePredictor implements Predictor, Serializable {
  private static final long serialVersionUID = 1L;
  private static final BufferAllocator ALLOCATOR = Allocators.child("ModelFilePredictor");

  /**
   * Rows turned from columns at a time: the tile's doubles (32 KB for 16 columns) are read in bulk
   * from Arrow, then written out row after row.
   */
  private static final int TILE = 256;

  /** Each thread's arrays for turning columns into rows, kept from batch to batch. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** The checkpoint's files, by relative path. */
  private final Map<String, byte[]> checkpointFiles;

  private final String modelFile;
  private final byte[] signatureJson;
  private transient ModelSignature signature;

  /** The model as loaded in this JVM; it serializes empty and loads again. */
  private final LoadOnce<Loaded> loaded = new LoadOnce<>();

  /** A tile of the columns' values and the rows they become, grown to the largest batch seen. */
  private static final class Scratch {
    double[] column = new double[0];
    float[] rows = new float[0];

    Scratch ensure(int columnLength, int rowsLength) {
      if (column.length < columnLength) {
        column = new double[columnLength];
      }
      if (rows.length < rowsLength) {
        rows = new float[rowsLength];
      }
      return this;
    }
  }

  /**
   * What is loaded once per JVM: the model, its preprocessor, and DJL predictors of it that no
   * thread uses now (a DJL predictor serves one thread at a time).
   */
  private record Loaded(
      ZooModel<NDList, NDList> model,
      Preprocessor preprocessor,
      Queue<ai.djl.inference.Predictor<NDList, NDList>> idle) {
    void close() {
      idle.forEach(ai.djl.inference.Predictor::close);
      model.close();
    }
  }

  private ModelFilePredictor(
      Map<String, byte[]> checkpointFiles, String modelFile, ModelSignature signature) {
    this.checkpointFiles = checkpointFiles;
    this.modelFile = modelFile;
    this.signature = signature;
    this.signatureJson = signature.toJson();
  }

  /**
   * Loads the model, signature and preprocessor of a {@link ModelFileCheckpoint}.
   *
   * @throws IllegalArgumentException when the checkpoint is of another framework, its signature is
   *     invalid, or the engine cannot load its model
   */
  public static ModelFilePredictor fromCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint")
        .requireFramework(ModelFileCheckpoint.FRAMEWORK, "DJL");
    Path dir = checkpoint.modelDirectory();
    try {
      ModelSignature signature =
          ModelSignature.fromJson(Files.readAllBytes(dir.resolve(ModelSignature.FILE)));
      ModelFilePredictor predictor =
          new ModelFilePredictor(checkpoint.toFiles(), modelFileIn(dir), signature);
      predictor.load();
      return predictor;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model in " + dir + ": " + e, e);
    }
  }

  private static String modelFileIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> models =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> ModelFileCheckpoint.engineOf(f) != null)
              .toList();
      if (models.size() != 1) {
        throw new IllegalArgumentException(
            "a model-file checkpoint holds one model file, found " + models + " in " + dir);
      }
      return models.get(0);
    }
  }

  /** Which columns feed the model and which columns it gives. */
  public ModelSignature signature() {
    if (signature == null) {
      signature = ModelSignature.fromJson(signatureJson);
    }
    return signature;
  }

  /** The columns the signature reads; empty when the checkpoint's preprocessor makes them. */
  @Override
  public List<String> inputColumns() {
    return load().preprocessor() == null ? signature().inputColumns() : List.of();
  }

  /**
   * The names of the model's inputs as the engine reports them, or an empty list if it does not.
   */
  List<String> engineInputNames() {
    var described = load().model().describeInput();
    return described == null ? List.of() : described.keys();
  }

  @Override
  public VectorSchemaRoot predict(VectorSchemaRoot batch) {
    Loaded m = load();
    VectorSchemaRoot input =
        m.preprocessor() == null ? batch : m.preprocessor().transformBatch(batch);
    int n = input.getRowCount();
    try (NDManager manager = m.model().getNDManager().newSubManager()) {
      NDList tensors = new NDList();
      for (ModelSignature.Input spec : signature().inputs()) {
        NDArray tensor = n == 0 ? zeroRow(manager, spec) : tensor(manager, input, spec, n);
        tensor.setName(spec.name());
        tensors.add(tensor);
      }
      NDList out;
      ai.djl.inference.Predictor<NDList, NDList> engine = m.idle().poll();
      if (engine == null) {
        engine = m.model().newPredictor();
      }
      try {
        out = engine.predict(tensors);
      } catch (TranslateException e) {
        throw new IllegalArgumentException(
            "the model " + modelFile + " cannot predict: " + e.getMessage(), e);
      } finally {
        m.idle().add(engine);
      }
      out.attach(manager);
      return columns(out, Math.max(n, 1), n);
    } finally {
      if (input != batch) {
        input.close();
      }
    }
  }

  /**
   * One row of zeros: what an empty batch runs, so that its columns have the types a full batch
   * gives (a double, or an array of as many doubles as the model gives a row).
   */
  private static NDArray zeroRow(NDManager manager, ModelSignature.Input spec) {
    long[] dims = spec.shape().stream().mapToLong(Long::longValue).toArray();
    dims[0] = 1;
    Shape shape = new Shape(dims);
    int width = spec.rowWidth();
    return switch (spec.datatype()) {
      case FP32 -> manager.create(FloatBuffer.wrap(new float[width]), shape);
      case FP64 -> manager.create(DoubleBuffer.wrap(new double[width]), shape);
      case INT64 -> manager.create(LongBuffer.wrap(new long[width]), shape);
      case INT32 -> manager.create(IntBuffer.wrap(new int[width]), shape);
    };
  }

  private static NDArray tensor(
      NDManager manager, VectorSchemaRoot batch, ModelSignature.Input spec, int n) {
    long[] dims = spec.shape().stream().mapToLong(Long::longValue).toArray();
    dims[0] = n;
    Shape shape = new Shape(dims);
    int width = spec.rowWidth();
    if (spec.datatype() == ModelSignature.DataType.FP32) {
      float[] doubles = floatsOfDoubleColumns(batch, spec, n);
      if (doubles != null) {
        return manager.create(FloatBuffer.wrap(doubles, 0, n * width), shape);
      }
      FeatureRows rows = new FeatureRows();
      rows.add(batch, null, spec.columns());
      requireWidth(spec, rows.width());
      return manager.create(FloatBuffer.wrap(rows.values(), 0, n * width), shape);
    }
    double[] values = doubles(batch, spec, n);
    return switch (spec.datatype()) {
      case FP64 -> manager.create(DoubleBuffer.wrap(values), shape);
      case INT64 -> {
        long[] longs = new long[values.length];
        for (int i = 0; i < longs.length; i++) {
          longs[i] = (long) values[i];
        }
        yield manager.create(LongBuffer.wrap(longs), shape);
      }
      case INT32 -> {
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
          ints[i] = (int) values[i];
        }
        yield manager.create(IntBuffer.wrap(ints), shape);
      }
      case FP32 -> throw new IllegalStateException("read above");
    };
  }

  /**
   * The rows of an input fed by double columns without nulls (what a DataFrame's doubles become),
   * as floats row after row in this thread's scratch array (which the engines copy from when they
   * make a tensor); null for other columns.
   */
  private static float[] floatsOfDoubleColumns(
      VectorSchemaRoot batch, ModelSignature.Input spec, int n) {
    List<String> names = spec.columns();
    int width = names.size();
    if (width != spec.rowWidth()) {
      return null;
    }
    List<FieldVector> columns = new ArrayList<>(width);
    for (String name : names) {
      FieldVector column = batch.getVector(name);
      if (!(column instanceof Float8Vector) || column.getNullCount() > 0) {
        return null;
      }
      columns.add(column);
    }
    DoubleBuffer[] data = new DoubleBuffer[width];
    for (int c = 0; c < width; c++) {
      data[c] =
          columns
              .get(c)
              .getDataBuffer()
              .nioBuffer(0, n * Float8Vector.TYPE_WIDTH)
              .order(ByteOrder.LITTLE_ENDIAN)
              .asDoubleBuffer();
    }
    Scratch scratch = SCRATCH.get().ensure(TILE * width, n * width);
    double[] tile = scratch.column;
    float[] out = scratch.rows;
    for (int from = 0; from < n; from += TILE) {
      int rows = Math.min(TILE, n - from);
      for (int c = 0; c < width; c++) {
        data[c].get(from, tile, c * TILE, rows);
      }
      for (int i = 0, at = from * width; i < rows; i++) {
        for (int c = 0, in = i; c < width; c++, in += TILE) {
          out[at++] = (float) tile[in];
        }
      }
    }
    return out;
  }

  /** An input's values, row after row: one per column, or a row's array of one array column. */
  private static double[] doubles(VectorSchemaRoot batch, ModelSignature.Input spec, int n) {
    int width = spec.rowWidth();
    double[] out = new double[n * width];
    List<FieldVector> columns = new ArrayList<>();
    for (String name : spec.columns()) {
      FieldVector column = batch.getVector(name);
      if (column == null) {
        throw new IllegalArgumentException(
            "column '"
                + name
                + "' of input '"
                + spec.name()
                + "' is not in the batch's "
                + batch.getSchema().getFields());
      }
      columns.add(column);
    }
    if (columns.size() == 1 && columns.get(0) instanceof ListVector list) {
      FieldVector elements = (FieldVector) list.getDataVector();
      for (int i = 0; i < n; i++) {
        int start = list.getElementStartIndex(i);
        requireWidth(spec, list.isNull(i) ? 0 : list.getElementEndIndex(i) - start);
        for (int k = 0; k < width; k++) {
          out[i * width + k] = number(elements, start + k, spec);
        }
      }
      return out;
    }
    requireWidth(spec, columns.size());
    for (int c = 0; c < width; c++) {
      for (int i = 0; i < n; i++) {
        out[i * width + c] = number(columns.get(c), i, spec);
      }
    }
    return out;
  }

  private static double number(FieldVector vector, int row, ModelSignature.Input spec) {
    if (vector.isNull(row)) {
      throw new IllegalArgumentException(
          "column '" + vector.getName() + "' of input '" + spec.name() + "' has a null; fill it");
    }
    if (vector instanceof FloatingPointVector floating) {
      return floating.getValueAsDouble(row);
    }
    if (vector instanceof BaseIntVector integer) {
      return integer.getValueAsLong(row);
    }
    throw new IllegalArgumentException(
        "column '"
            + vector.getName()
            + "' of input '"
            + spec.name()
            + "' is not numeric: "
            + vector.getField().getType());
  }

  private static void requireWidth(ModelSignature.Input spec, int width) {
    if (width != spec.rowWidth()) {
      throw new IllegalArgumentException(
          "input '"
              + spec.name()
              + "' of shape "
              + spec.shape()
              + " takes "
              + spec.rowWidth()
              + " values a row; its columns "
              + spec.columns()
              + " give "
              + width);
    }
  }

  /**
   * The signature's output columns, from the model's output tensors for {@code n} rows, of which
   * the first {@code keep} become rows.
   */
  private VectorSchemaRoot columns(List<NDArray> out, int n, int keep) {
    List<FieldVector> vectors = new ArrayList<>();
    List<ModelSignature.Output> outputs = signature().outputs();
    for (int i = 0; i < outputs.size(); i++) {
      ModelSignature.Output spec = outputs.get(i);
      NDArray tensor = output(out, spec, i);
      int width = (int) (tensor.size() / n);
      vectors.add(
          OutputColumns.of(spec.column(), keep, width, width != 1, scores(tensor, width), ALLOCATOR)
              .getVector(0));
    }
    return new VectorSchemaRoot(vectors);
  }

  /** The output tensor named as {@code spec} says, or the {@code index}-th if none is named. */
  private NDArray output(List<NDArray> out, ModelSignature.Output spec, int index) {
    for (NDArray tensor : out) {
      if (spec.name().equals(tensor.getName())) {
        return tensor;
      }
    }
    boolean named = out.stream().anyMatch(t -> t.getName() != null && !t.getName().isEmpty());
    if (named || index >= out.size()) {
      throw new IllegalArgumentException(
          "the model "
              + modelFile
              + " has no output '"
              + spec.name()
              + "'; its outputs are "
              + out.stream().map(NDArray::getName).toList());
    }
    return out.get(index);
  }

  /** The values of an output tensor, by row and position in the row. */
  private static OutputColumns.Scores scores(NDArray tensor, int width) {
    return switch (tensor.getDataType()) {
      case FLOAT32 -> {
        float[] values = tensor.toFloatArray();
        yield (row, k) -> values[row * width + k];
      }
      case FLOAT64 -> {
        double[] values = tensor.toDoubleArray();
        yield (row, k) -> values[row * width + k];
      }
      case INT64 -> {
        long[] values = tensor.toLongArray();
        yield (row, k) -> values[row * width + k];
      }
      case INT32 -> {
        int[] values = tensor.toIntArray();
        yield (row, k) -> values[row * width + k];
      }
      default ->
          throw new IllegalArgumentException(
              "output '"
                  + tensor.getName()
                  + "' is of type "
                  + tensor.getDataType()
                  + ", which does not become a column; give FP32, FP64, INT32 or INT64");
    };
  }

  private Loaded load() {
    return loaded.get(
        () -> {
          try (Checkpoint checkpoint = Checkpoint.fromFiles(checkpointFiles)) {
            return new Loaded(
                loadModel(checkpoint.modelDirectory()),
                checkpoint.getPreprocessor(),
                new ConcurrentLinkedQueue<>());
          }
        });
  }

  private ZooModel<NDList, NDList> loadModel(Path dir) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    String engine = ModelFileCheckpoint.engineOf(modelFile);
    if (!Engine.hasEngine(engine)) {
      throw new IllegalArgumentException(
          "DJL's "
              + engine
              + " engine, which loads "
              + modelFile
              + ", is not on the classpath: add "
              + ModelFileCheckpoint.ENGINE_ARTIFACTS.get(engine));
    }
    Criteria<NDList, NDList> criteria =
        Criteria.builder()
            .setTypes(NDList.class, NDList.class)
            .optModelPath(dir)
            .optModelName(modelFile.substring(0, modelFile.lastIndexOf('.')))
            .optEngine(engine)
            .build();
    try {
      return criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new IllegalArgumentException(
          engine + " cannot load " + modelFile + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + modelFile + ": " + e, e);
    }
  }

  @Override
  public void close() {
    Loaded l = loaded.take();
    if (l != null) {
      l.close();
    }
  }
}
