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

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.runtime.memory.Allocators;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A LightGBM model from a checkpoint (made by {@code LightGBMTrainer}), predicting as Spark ML's
 * classifiers and regressors do: {@code prediction} (the class, or the value) and, for the {@code
 * binary}, {@code multiclass} and {@code multiclassova} objectives, {@code probability} (one
 * probability per class). It reads the feature columns the model was trained on, after the
 * checkpoint's preprocessor; nulls are missing values. Safe to call from several threads; each call
 * uses one thread. It is serializable: the model travels as its text and is loaded again where it
 * lands.
 */
public final class LightGBMPredictor implements Predictor, Serializable {
  /** The framework name of LightGBM checkpoints. */
  public static final String FRAMEWORK = "lightgbm";

  /** The model, in LightGBM's text format, under {@code model/}. */
  public static final String MODEL_FILE = "model.txt";

  private static final long serialVersionUID = 1L;
  private static final BufferAllocator ALLOCATOR = Allocators.child("LightGBMPredictor");

  /** The model, in LightGBM's text format. */
  private final String model;

  /** The checkpoint's {@link ModelInfo} record, as JSON bytes. */
  private final byte[] info;

  /** The checkpoint's preprocessor as JSON, or null for none. */
  private final String preprocessorJson;

  /** The model as loaded in this JVM; it serializes empty and loads again. */
  private final LoadOnce<Loaded> loaded = new LoadOnce<>();

  /** What is loaded once per JVM. */
  private record Loaded(
      LGBMBooster booster,
      ModelInfo info,
      OutputColumns.Task task,
      int classes,
      Preprocessor preprocessor) {}

  private LightGBMPredictor(String model, byte[] info, String preprocessorJson) {
    this.model = model;
    this.info = info;
    this.preprocessorJson = preprocessorJson;
  }

  /**
   * Loads the model and preprocessor of a LightGBM checkpoint.
   *
   * @throws IllegalArgumentException when the checkpoint is of another framework or its model
   *     cannot be read
   */
  public static LightGBMPredictor fromCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint").requireFramework(FRAMEWORK, "LightGBM");
    Path dir = checkpoint.modelDirectory();
    try {
      Preprocessor preprocessor = checkpoint.getPreprocessor();
      LightGBMPredictor predictor =
          new LightGBMPredictor(
              Files.readString(dir.resolve(MODEL_FILE), StandardCharsets.UTF_8),
              Files.readAllBytes(dir.resolve(ModelInfo.INFO_FILE)),
              preprocessor == null ? null : Preprocessors.toJson(preprocessor));
      predictor.load();
      return predictor;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the LightGBM model in " + dir + ": " + e, e);
    }
  }

  /** How the model was trained. */
  public ModelInfo info() {
    return load().info();
  }

  @Override
  public List<String> inputColumns() {
    List<String> features = info().featureColumns();
    return features == null ? List.of() : features;
  }

  @Override
  public VectorSchemaRoot predict(VectorSchemaRoot batch) {
    Loaded m = load();
    VectorSchemaRoot input =
        m.preprocessor() == null ? batch : m.preprocessor().transformBatch(batch);
    try {
      FeatureRows rows = new FeatureRows();
      List<String> features =
          m.info().featureColumns() != null
              ? m.info().featureColumns()
              : input.getSchema().getFields().stream()
                  .map(f -> f.getName())
                  .collect(Collectors.toList());
      rows.add(input, null, features);
      int n = input.getRowCount();
      if (n == 0) {
        return OutputColumns.predictions(m.task(), 0, m.classes(), (row, k) -> 0, ALLOCATOR);
      }
      double[] scores =
          m.booster()
              .predictForMat(
                  Arrays.copyOf(rows.values(), n * rows.width()),
                  n,
                  rows.width(),
                  true,
                  PredictionType.C_API_PREDICT_NORMAL,
                  "num_threads=1");
      int width = scores.length / n;
      return OutputColumns.predictions(
          m.task(), n, width, (row, k) -> scores[row * width + k], ALLOCATOR);
    } catch (LGBMException e) {
      throw new IllegalStateException("LightGBM could not predict: " + e.getMessage(), e);
    } finally {
      if (input != batch) {
        input.close();
      }
    }
  }

  /**
   * Whether a booster with LightGBM objective {@code objective} gives a {@code probability} column
   * beside {@code prediction} ({@code binary}, {@code multiclass} and {@code multiclassova} do).
   */
  public static boolean givesProbability(String objective) {
    return task(objective) != OutputColumns.Task.VALUE;
  }

  /** The task a model's {@code objective=} line names: its first word. */
  private static OutputColumns.Task taskOfModel(String model) {
    return task(
        model
            .lines()
            .filter(l -> l.startsWith("objective="))
            .map(l -> l.substring("objective=".length()).split(" ")[0])
            .findFirst()
            .orElse("regression"));
  }

  private static OutputColumns.Task task(String objective) {
    switch (objective) {
      case "binary":
        return OutputColumns.Task.BINARY;
      case "multiclass":
      case "multiclassova":
        return OutputColumns.Task.MULTICLASS;
      default:
        return OutputColumns.Task.VALUE;
    }
  }

  private Loaded load() {
    return loaded.get(
        () -> {
          LightGBMNative.load();
          try {
            LGBMBooster booster = LGBMBooster.loadModelFromString(model);
            return new Loaded(
                booster,
                ModelInfo.fromJson(info),
                taskOfModel(model),
                booster.getNumClasses(),
                preprocessorJson == null ? null : Preprocessors.fromJson(preprocessorJson));
          } catch (LGBMException e) {
            throw new IllegalArgumentException("cannot load the LightGBM model: " + e, e);
          }
        });
  }

  @Override
  public void close() {
    Loaded l = loaded.take();
    if (l != null) {
      try {
        l.booster().close();
      } catch (LGBMException e) {
        throw new IllegalStateException("LightGBM could not free its model: " + e, e);
      }
    }
  }
}
