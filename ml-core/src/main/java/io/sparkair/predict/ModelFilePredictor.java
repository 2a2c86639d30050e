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
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

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

  /** The checkpoint's files, by relative path. */
  private final Map<String, byte[]> checkpointFiles;

  private final String modelFile;
  private final byte[] signatureJson;
  private transient ModelSignature signature;

  /** The model as loaded in this JVM; it serializes empty and loads again. */
  private final LoadOnce<Loaded> loaded = new LoadOnce<>();

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
      List<ModelSignature.Input> inputs = signature().inputs();
      for (int i = 0; i < inputs.size(); i++) {
        ModelSignature.Input spec = inputs.get(i);
        NDArray tensor =
            n == 0
                ? InputTensors.zeroRow(manager, spec)
                : InputTensors.of(manager, input, spec, i, n);
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
