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

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkair.checkpoint.BlockFactory;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.checkpoint.TorchCheckpoint;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.runtime.memory.Allocators;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A DJL model from a {@link TorchCheckpoint} (made in a {@code TorchTrainer} loop), predicting on
 * Arrow batches: the checkpoint's preprocessor, then the model in inference mode on the
 * checkpoint's feature columns. The output is one {@code prediction} column: a double per row for a
 * model with one output, otherwise an array of doubles per row. Safe to call from several threads:
 * each call works in a manager of its own. It is serializable (so it works in {@code
 * AirModel.transform}): the parameters travel as bytes and the model is built again where it lands.
 */
public final class TorchPredictor implements Predictor, Serializable {
  private static final long serialVersionUID = 1L;
  private static final BufferAllocator ALLOCATOR = Allocators.child("TorchPredictor");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The checkpoint's files, by relative path. */
  private final Map<String, byte[]> checkpointFiles;

  /** The class name of the factory that builds the model's block. */
  private final String blockFactory;

  /** The feature columns the model reads, in order. */
  private final List<String> features;

  /** The model as loaded in this JVM; it serializes empty and loads again. */
  private final LoadOnce<Loaded> loaded = new LoadOnce<>();

  /** What is loaded once per JVM. */
  private record Loaded(Model model, Preprocessor preprocessor) {}

  private TorchPredictor(
      Map<String, byte[]> checkpointFiles, String blockFactory, List<String> features) {
    this.checkpointFiles = checkpointFiles;
    this.blockFactory = blockFactory;
    this.features = features;
  }

  /**
   * Loads the model and preprocessor of a DJL checkpoint.
   *
   * @throws IllegalArgumentException when the checkpoint is of another framework, or its block
   *     factory cannot be made, or its parameters do not fit the factory's block
   */
  public static TorchPredictor fromCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint")
        .requireFramework(TorchCheckpoint.FRAMEWORK, "DJL");
    Path dir = checkpoint.modelDirectory();
    try {
      JsonNode info = JSON.readTree(dir.resolve(TorchCheckpoint.INFO_FILE).toFile());
      List<String> features = new ArrayList<>();
      info.path("featureColumns").forEach(f -> features.add(f.asText()));
      TorchPredictor predictor =
          new TorchPredictor(
              checkpoint.toFiles(), info.path("blockFactory").asText(), List.copyOf(features));
      predictor.load();
      return predictor;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the DJL model in " + dir + ": " + e, e);
    }
  }

  private static BlockFactory newFactory(String name) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type =
          Class.forName(
              name, true, loader != null ? loader : TorchPredictor.class.getClassLoader());
      return (BlockFactory) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("cannot make block factory " + name + ": " + e, e);
    }
  }

  /** The feature columns the model reads, in order. */
  public List<String> featureColumns() {
    return features;
  }

  @Override
  public List<String> inputColumns() {
    return features;
  }

  @Override
  public VectorSchemaRoot predict(VectorSchemaRoot batch) {
    Loaded m = load();
    VectorSchemaRoot input =
        m.preprocessor() == null ? batch : m.preprocessor().transformBatch(batch);
    try (NDManager manager = m.model().getNDManager().newSubManager()) {
      FeatureRows rows = new FeatureRows();
      rows.add(input, null, features);
      int n = rows.rows();
      if (n == 0) {
        return output(new float[0], 0, 1);
      }
      NDArray x =
          manager.create(
              FloatBuffer.wrap(rows.values(), 0, n * rows.width()), new Shape(n, rows.width()));
      NDArray y =
          m.model()
              .getBlock()
              .forward(new ParameterStore(manager, false), new NDList(x), false)
              .singletonOrThrow();
      int width = (int) (y.size() / n);
      return output(y.toFloatArray(), n, width);
    } finally {
      if (input != batch) {
        input.close();
      }
    }
  }

  private static VectorSchemaRoot output(float[] values, int n, int width) {
    return OutputColumns.of(
        "prediction", n, width, width != 1, (row, k) -> values[row * width + k], ALLOCATOR);
  }

  private Loaded load() {
    return loaded.get(
        () -> {
          try (Checkpoint checkpoint = Checkpoint.fromFiles(checkpointFiles)) {
            return new Loaded(loadModel(checkpoint), checkpoint.getPreprocessor());
          }
        });
  }

  /** Builds the factory's block and loads the checkpoint's parameters into it. */
  private Model loadModel(Checkpoint checkpoint) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    Model model = Model.newInstance("air-djl-predictor");
    try {
      model.setBlock(newFactory(blockFactory).newBlock());
      TorchCheckpoint.loadInto(model, checkpoint);
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  @Override
  public void close() {
    Loaded l = loaded.take();
    if (l != null) {
      l.model().close();
    }
  }
}
