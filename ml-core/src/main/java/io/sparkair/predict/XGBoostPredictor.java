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

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.runtime.memory.Allocators;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * An XGBoost booster from a checkpoint (made by {@code XGBoostTrainer}), predicting as Spark ML's
 * classifiers and regressors do: {@code prediction} (the class, or the value for regression) and,
 * for {@code binary:logistic} and {@code multi:softprob}, {@code probability} (an array with one
 * probability per class). It reads the feature columns the booster was trained on, after the
 * checkpoint's preprocessor (a booster wrapped with {@code Checkpoint.fromModel} reads every
 * column, in order, and its objective from its JSON). Safe to call from several threads; each call
 * uses one thread, since Spark runs one task per core. A {@code gbtree} booster with numerical
 * splits is scored by its trees evaluated in Java, checked against XGBoost when it is loaded
 * (XGBoost's own call costs about 100 µs before the first row); any other booster by XGBoost's
 * in-place prediction. It is serializable: the booster travels as its bytes and is loaded again
 * where it lands.
 */
public final class XGBoostPredictor implements Predictor, Serializable {
  /** The framework name of XGBoost checkpoints. */
  public static final String FRAMEWORK = "xgboost";

  /** The booster, in XGBoost's JSON format, under {@code model/}. */
  public static final String MODEL_FILE = "model.json";

  private static final long serialVersionUID = 1L;
  private static final BufferAllocator ALLOCATOR = Allocators.child("XGBoostPredictor");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The booster, in XGBoost's JSON format. */
  private final byte[] model;

  /** The checkpoint's {@link ModelInfo} record as JSON bytes, or null when it has none. */
  private final byte[] info;

  /** The checkpoint's preprocessor as JSON, or null for none. */
  private final String preprocessorJson;

  /** Whether raw, untransformed scores are predicted. */
  private final boolean margin;

  /** The booster as loaded in this JVM; it serializes empty and loads again. */
  private final LoadOnce<Loaded> loaded = new LoadOnce<>();

  /** What is loaded once per JVM. */
  private static final class Loaded {
    final Booster booster;
    final XGBoostTrees trees;
    final ModelInfo info;
    final Preprocessor preprocessor;

    Loaded(Booster booster, ModelInfo info, Preprocessor preprocessor) {
      this.booster = booster;
      this.trees = XGBoostTrees.of(booster).orElse(null);
      this.info = info;
      this.preprocessor = preprocessor;
    }

    float[][] predict(FeatureRows rows, int n, boolean margin) throws XGBoostError {
      if (n == 0) {
        return new float[0][];
      }
      if (trees != null) {
        return trees.predict(rows.values(), n, rows.width(), margin);
      }
      return margin
          ? booster.inplace_predict(
              rows.values(),
              n,
              rows.width(),
              Float.NaN,
              new int[] {0, 0},
              Booster.PredictionType.kMargin,
              null)
          : booster.inplace_predict(rows.values(), n, rows.width(), Float.NaN);
    }
  }

  private XGBoostPredictor(byte[] model, byte[] info, String preprocessorJson, boolean margin) {
    this.model = model;
    this.info = info;
    this.preprocessorJson = preprocessorJson;
    this.margin = margin;
  }

  /**
   * The same model predicting raw, untransformed scores: one {@code margin} column (a double per
   * row, or an array with one score per class) instead of {@code prediction} and {@code
   * probability}.
   */
  public XGBoostPredictor withOutputMargin() {
    return new XGBoostPredictor(model, info, preprocessorJson, true);
  }

  /**
   * Loads the booster and preprocessor of an XGBoost checkpoint.
   *
   * @throws IllegalArgumentException when the checkpoint is of another framework
   */
  public static XGBoostPredictor fromCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint").requireFramework(FRAMEWORK, "XGBoost");
    Path dir = checkpoint.modelDirectory();
    try {
      Preprocessor preprocessor = checkpoint.getPreprocessor();
      Path info = dir.resolve(ModelInfo.INFO_FILE);
      XGBoostPredictor predictor =
          new XGBoostPredictor(
              Files.readAllBytes(modelFile(dir)),
              Files.exists(info) ? Files.readAllBytes(info) : null,
              preprocessor == null ? null : Preprocessors.toJson(preprocessor),
              false);
      predictor.load();
      return predictor;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the XGBoost model in " + dir + ": " + e, e);
    }
  }

  /** {@code model.json}, or the one file of a model wrapped with {@code Checkpoint.fromModel}. */
  private static Path modelFile(Path dir) throws IOException {
    Path json = dir.resolve(XGBoostPredictor.MODEL_FILE);
    if (Files.exists(json)) {
      return json;
    }
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      List<Path> all =
          files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toList());
      if (all.size() != 1) {
        throw new IllegalArgumentException(
            "an XGBoost checkpoint needs model/"
                + XGBoostPredictor.MODEL_FILE
                + " or a single booster file in model/, found "
                + all);
      }
      return all.get(0);
    }
  }

  /**
   * The record of a booster saved by plain XGBoost4J in its JSON format: no label, every column a
   * feature, the objective as the model names it.
   *
   * @throws IllegalArgumentException when the booster is not in XGBoost's JSON format
   */
  private static ModelInfo ofBooster(byte[] model) {
    try {
      String objective =
          JSON.readTree(model).path("learner").path("objective").path("name").asText(null);
      if (objective == null) {
        throw new IllegalArgumentException("the booster's JSON names no objective");
      }
      return new ModelInfo(null, null, objective);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "a booster without "
              + ModelInfo.INFO_FILE
              + " must be saved in "
              + "XGBoost's JSON format: "
              + e.getMessage(),
          e);
    }
  }

  /** How the booster was trained. */
  public ModelInfo info() {
    return load().info;
  }

  @Override
  public List<String> inputColumns() {
    List<String> features = info().featureColumns();
    return features == null ? List.of() : features;
  }

  @Override
  public VectorSchemaRoot predict(VectorSchemaRoot batch) {
    Loaded model = load();
    VectorSchemaRoot input =
        model.preprocessor == null ? batch : model.preprocessor.transformBatch(batch);
    try {
      FeatureRows rows = new FeatureRows();
      List<String> features =
          model.info.featureColumns() != null
              ? model.info.featureColumns()
              : FeatureRows.featureColumns(
                  input.getSchema().getFields().stream()
                      .map(f -> f.getName())
                      .collect(java.util.stream.Collectors.toList()),
                  null,
                  null);
      rows.add(input, null, features);
      int n = input.getRowCount();
      float[][] scores = model.predict(rows, n, margin);
      return margin
          ? margins(scores, n, model.info.objective().startsWith("multi:"))
          : output(model.info.objective(), scores, n);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
    } finally {
      if (input != batch) {
        input.close();
      }
    }
  }

  /**
   * Whether a booster with XGBoost objective {@code objective} gives a {@code probability} column
   * beside {@code prediction} ({@code binary:logistic} and {@code multi:softprob} do).
   */
  public static boolean givesProbability(String objective) {
    return "binary:logistic".equals(objective) || "multi:softprob".equals(objective);
  }

  private static VectorSchemaRoot output(String objective, float[][] scores, int n) {
    OutputColumns.Task task =
        !givesProbability(objective)
            ? OutputColumns.Task.VALUE
            : objective.equals("binary:logistic")
                ? OutputColumns.Task.BINARY
                : OutputColumns.Task.MULTICLASS;
    return OutputColumns.predictions(
        task, n, n == 0 ? 1 : scores[0].length, (row, k) -> scores[row][k], ALLOCATOR);
  }

  private static VectorSchemaRoot margins(float[][] raw, int n, boolean perClass) {
    return OutputColumns.of(
        "margin", n, n == 0 ? 1 : raw[0].length, perClass, (row, k) -> raw[row][k], ALLOCATOR);
  }

  private Loaded load() {
    return loaded.get(
        () -> {
          try {
            Booster booster = XGBoost.loadModel(model);
            booster.setParam("nthread", 1);
            return new Loaded(
                booster,
                info != null ? ModelInfo.fromJson(info) : ofBooster(model),
                preprocessorJson == null ? null : Preprocessors.fromJson(preprocessorJson));
          } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("cannot load the XGBoost booster: " + e, e);
          }
        });
  }

  @Override
  public void close() {
    Loaded l = loaded.take();
    if (l != null) {
      l.booster.dispose();
    }
  }
}
