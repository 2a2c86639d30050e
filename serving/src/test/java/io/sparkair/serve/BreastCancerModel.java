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
package io.sparkair.serve;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.LightGBMNative;
import io.sparkair.predict.LightGBMPredictor;
import io.sparkair.predict.ModelInfo;
import io.sparkair.predict.Predictor;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.StandardScaler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The Wisconsin breast-cancer data (569 rows, 30 features, {@code target}) and XGBoost checkpoints
 * trained on it without Spark, with a fitted {@link StandardScaler} saved in them, as {@code
 * XGBoostTrainer} saves its checkpoints; also LightGBM ones.
 */
final class BreastCancerModel {
  final List<String> features;
  final double[][] rows;
  final double[] labels;

  private BreastCancerModel(List<String> features, double[][] rows, double[] labels) {
    this.features = features;
    this.rows = rows;
    this.labels = labels;
  }

  static BreastCancerModel load() throws IOException {
    try (InputStream in = BreastCancerModel.class.getResourceAsStream("/breast_cancer.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
      List<String> header = Arrays.asList(lines[0].trim().split(","));
      int label = header.indexOf("target");
      List<String> features = new ArrayList<>(header);
      features.remove(label);
      double[][] rows = new double[lines.length - 1][];
      double[] labels = new double[rows.length];
      for (int r = 0; r < rows.length; r++) {
        String[] cells = lines[r + 1].trim().split(",");
        double[] row = new double[features.size()];
        for (int c = 0, f = 0; c < cells.length; c++) {
          if (c == label) {
            labels[r] = Double.parseDouble(cells[c]);
          } else {
            row[f++] = Double.parseDouble(cells[c]);
          }
        }
        rows[r] = row;
      }
      return new BreastCancerModel(features, rows, labels);
    }
  }

  /** Row {@code r} as a JSON record. */
  Map<String, Object> record(int r) {
    Map<String, Object> record = new LinkedHashMap<>();
    for (int c = 0; c < features.size(); c++) {
      record.put(features.get(c), rows[r][c]);
    }
    return record;
  }

  /** A checkpoint in {@code dir} of a booster of {@code rounds} rounds of depth {@code depth}. */
  String checkpoint(Path dir, int rounds, int depth) throws Exception {
    StandardScaler scaler = new StandardScaler(features.toArray(new String[0]));
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = batch(allocator, 0, rows.length)) {
      scaler.fitBatches(List.of(batch));
      float[] scaled = new float[rows.length * features.size()];
      try (VectorSchemaRoot out = scaler.transformBatch(batch)) {
        for (int c = 0; c < features.size(); c++) {
          Float8Vector v = (Float8Vector) out.getVector(features.get(c));
          for (int r = 0; r < rows.length; r++) {
            scaled[r * features.size() + c] = (float) v.get(r);
          }
        }
      }
      DMatrix matrix = new DMatrix(scaled, rows.length, features.size(), Float.NaN);
      float[] y = new float[labels.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) labels[i];
      }
      matrix.setLabel(y);
      Booster booster =
          XGBoost.train(
              matrix,
              Map.of("objective", "binary:logistic", "max_depth", depth, "eta", 0.3, "nthread", 1),
              rounds,
              Map.of(),
              null,
              null);
      ByteArrayOutputStream model = new ByteArrayOutputStream();
      booster.saveModel(model, "json");
      Checkpoint.builder(XGBoostPredictor.FRAMEWORK)
          .modelFile(XGBoostPredictor.MODEL_FILE, model.toByteArray())
          .modelFile(
              ModelInfo.INFO_FILE, new ModelInfo("target", features, "binary:logistic").toJson())
          .preprocessor(scaler)
          .build()
          .toDirectory(dir.toString());
      matrix.dispose();
      booster.dispose();
    }
    return dir.toString();
  }

  /**
   * A LightGBM checkpoint in {@code dir} of a binary model of {@code rounds} rounds on the raw
   * features, as {@code LightGBMTrainer} saves its checkpoints.
   */
  String lightgbmCheckpoint(Path dir, int rounds) throws Exception {
    LightGBMNative.load();
    int width = features.size();
    float[] values = new float[rows.length * width];
    float[] y = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < width; c++) {
        values[r * width + c] = (float) rows[r][c];
      }
      y[r] = (float) labels[r];
    }
    String params = "objective=binary num_leaves=7 verbosity=-1 num_threads=1";
    try (LGBMDataset data =
        LGBMDataset.createFromMat(values, rows.length, width, true, params, null)) {
      data.setField("label", y);
      try (LGBMBooster booster = LGBMBooster.create(data, params)) {
        for (int i = 0; i < rounds; i++) {
          booster.updateOneIter();
        }
        Checkpoint.builder(LightGBMPredictor.FRAMEWORK)
            .modelFile(
                LightGBMPredictor.MODEL_FILE,
                booster
                    .saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT)
                    .getBytes(StandardCharsets.UTF_8))
            .modelFile(ModelInfo.INFO_FILE, new ModelInfo("target", features, "binary").toJson())
            .build()
            .toDirectory(dir.toString());
      }
    }
    return dir.toString();
  }

  /** The probabilities of class 1 that the checkpoint's predictor gives rows [from, to). */
  double[] expected(String checkpoint, int from, int to) {
    Checkpoint loaded = Checkpoint.fromDirectory(checkpoint);
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = batch(allocator, from, to);
        Predictor predictor =
            LightGBMPredictor.FRAMEWORK.equals(loaded.getMetadata().framework())
                ? LightGBMPredictor.fromCheckpoint(loaded)
                : XGBoostPredictor.fromCheckpoint(loaded);
        VectorSchemaRoot out = predictor.predict(batch)) {
      double[] p = new double[to - from];
      for (int i = 0; i < p.length; i++) {
        p[i] = (Double) ((List<?>) out.getVector("probability").getObject(i)).get(1);
      }
      return p;
    }
  }

  /** Rows [from, to) as an Arrow batch of the feature columns. */
  VectorSchemaRoot batch(RootAllocator allocator, int from, int to) {
    List<FieldVector> vectors = new ArrayList<>();
    for (int c = 0; c < features.size(); c++) {
      Float8Vector v = new Float8Vector(features.get(c), allocator);
      v.allocateNew(to - from);
      for (int r = from; r < to; r++) {
        v.set(r - from, rows[r][c]);
      }
      v.setValueCount(to - from);
      vectors.add(v);
    }
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(to - from);
    return root;
  }
}
