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
package io.sparkair.checkpoint;

import ai.djl.Model;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Checkpoints of DJL models (Ray's {@code TorchCheckpoint.from_model}): {@code model/} holds the
 * parameters as DJL saves them ({@code model-NNNN.params}) and {@code djl.json}, which names the
 * {@link BlockFactory} that rebuilds the architecture and the feature columns the model reads, in
 * order. {@link io.sparkair.predict.TorchPredictor} loads them.
 */
public final class TorchCheckpoint {
  /** The framework named in these checkpoints' metadata. */
  public static final String FRAMEWORK = "djl-pytorch";

  /** The file naming the block factory and the feature columns. */
  public static final String INFO_FILE = "djl.json";

  /** The name the parameters are saved under. */
  public static final String MODEL_NAME = "model";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TorchCheckpoint() {}

  /**
   * A checkpoint of {@code model}'s parameters, rebuilt later by {@code factory}.
   *
   * @throws IllegalArgumentException when the factory has no public no-argument constructor or no
   *     feature column is named
   */
  public static Checkpoint fromModel(
      Model model, Class<? extends BlockFactory> factory, List<String> featureColumns) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(factory, "factory");
    if (featureColumns == null || featureColumns.isEmpty()) {
      throw new IllegalArgumentException("name the model's feature columns, got " + featureColumns);
    }
    try {
      factory.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "block factory " + factory.getName() + " needs a " + "public no-argument constructor");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("air-djl-checkpoint");
      model.save(dir, MODEL_NAME);
      Checkpoint.Builder builder = Checkpoint.builder(FRAMEWORK);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          builder.modelFile(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
      ObjectNode info = JSON.createObjectNode().put("blockFactory", factory.getName());
      featureColumns.forEach(info.putArray("featureColumns")::add);
      return builder.modelFile(INFO_FILE, JSON.writeValueAsBytes(info)).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the DJL model: " + e, e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Loads a checkpoint's parameters into {@code model}, whose block must be set and of the
   * checkpoint's architecture: resuming in a train loop ({@code context.getCheckpoint()}). Call it
   * before {@code Trainer.initialize}, which keeps loaded parameters.
   *
   * @throws IllegalArgumentException when the checkpoint is of another framework or its parameters
   *     do not fit the block
   */
  public static void loadInto(Model model, Checkpoint checkpoint) {
    Objects.requireNonNull(model, "model");
    checkpoint.requireFramework(FRAMEWORK, "DJL");
    if (model.getBlock() == null) {
      throw new IllegalArgumentException("set the model's block before loading parameters");
    }
    try {
      model.load(checkpoint.modelDirectory(), MODEL_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint's parameters: " + e, e);
    } catch (ai.djl.MalformedModelException e) {
      throw new IllegalArgumentException(
          "the checkpoint's parameters do not fit the block: " + e, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temporary directory left behind is harmless
    }
  }
}
