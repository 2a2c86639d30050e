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

import static io.sparkair.preprocess.Batches.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.preprocess.Batches;
import io.sparkair.preprocess.Concatenator;
import io.sparkair.runtime.memory.Allocators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TorchScript and ONNX models made by {@code scripts/make-test-models.py} (with the weights below)
 * predict through {@link ModelFilePredictor} as the weights say, computed here independently.
 */
class ModelFilePredictorTest {
  private static final BufferAllocator ALLOCATOR = Allocators.child("ModelFilePredictorTest");
  private static final double EPS = 1e-6;

  /** logistic.onnx: logit = features . W + B, probability = sigmoid(logit). */
  private static final double[] W = {0.5, -1.25, 2.0, 0.75};

  private static final double B = -0.3;

  /** tanh_net.pt: tanh(x . T[k] + TB[k]) for k = 0, 1. */
  private static final double[][] T = {{0.1, 0.2, -0.3, 0.4}, {-0.5, 0.25, 0.125, -1.0}};

  private static final double[] TB = {0.05, -0.1};

  private static final double[][] ROWS = {
    {0.1, 0.2, 0.3, 0.4}, {-1.0, 0.5, 0.25, 2.0}, {1.5, -0.75, 0.0, -0.5}, {0, 0, 0, 0}
  };

  @AfterAll
  static void closeAllocator() {
    ALLOCATOR.close();
  }

  static Path model(String name) {
    try {
      return Path.of(ModelFilePredictorTest.class.getResource("/models/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ModelSignature logisticSignature() {
    return ModelSignature.builder()
        .input("features", ModelSignature.DataType.FP32, new long[] {-1, 4}, "a", "b", "c", "d")
        .output("probability", "prediction")
        .output("logit", "score")
        .build();
  }

  /** tanh_net.pt fed by four double columns, its output as the array column "prediction". */
  private static ModelSignature tanhSignature() {
    return ModelSignature.builder()
        .input("x", ModelSignature.DataType.FP32, new long[] {-1, 4}, "a", "b", "c", "d")
        .output("y", "prediction")
        .build();
  }

  private static VectorSchemaRoot rows() {
    Double[][] columns = new Double[4][ROWS.length];
    for (int i = 0; i < ROWS.length; i++) {
      for (int c = 0; c < 4; c++) {
        columns[c][i] = ROWS[i][c];
      }
    }
    return Batches.of(
        doubles(ALLOCATOR, "a", columns[0]),
        doubles(ALLOCATOR, "b", columns[1]),
        doubles(ALLOCATOR, "c", columns[2]),
        doubles(ALLOCATOR, "d", columns[3]));
  }

  private static double logit(double[] row) {
    double sum = B;
    for (int c = 0; c < 4; c++) {
      sum += W[c] * row[c];
    }
    return sum;
  }

  private static void assertLogistic(VectorSchemaRoot out) {
    assertEquals(List.of("prediction", "score"), Batches.names(out));
    for (int i = 0; i < ROWS.length; i++) {
      double logit = logit(ROWS[i]);
      assertEquals(1 / (1 + Math.exp(-logit)), (Double) out.getVector(0).getObject(i), EPS);
      assertEquals(logit, (Double) out.getVector(1).getObject(i), EPS);
    }
  }

  @Test
  void anOnnxModelPredictsWhatItsWeightsSayAndItsOutputsAreFoundByName() {
    try (Checkpoint checkpoint =
            ModelFileCheckpoint.create(model("logistic.onnx"), logisticSignature());
        Predictor predictor = Predictors.forFramework("djl-model").load(checkpoint);
        VectorSchemaRoot batch = rows();
        VectorSchemaRoot out = predictor.predict(batch)) {
      assertTrue(predictor instanceof ModelFilePredictor, predictor.getClass().getName());
      assertLogistic(out);
    }
  }

  @Test
  void aTorchScriptModelReadsAnArrayColumnMadeByTheCheckpointsPreprocessor() {
    ModelSignature signature =
        ModelSignature.builder()
            .input("x", ModelSignature.DataType.FP32, new long[] {-1, 4}, "features")
            .output("y", "prediction")
            .build();
    Concatenator features =
        new Concatenator().setInclude("a", "b", "c", "d").setOutputColumn("features");
    try (Checkpoint checkpoint =
            ModelFileCheckpoint.create(model("tanh_net.pt"), signature, features);
        ModelFilePredictor predictor = ModelFilePredictor.fromCheckpoint(checkpoint);
        VectorSchemaRoot batch = rows();
        VectorSchemaRoot out = predictor.predict(batch)) {
      ListVector prediction = (ListVector) out.getVector("prediction");
      Float8Vector values = (Float8Vector) prediction.getDataVector();
      for (int i = 0; i < ROWS.length; i++) {
        int start = prediction.getElementStartIndex(i);
        assertEquals(2, prediction.getElementEndIndex(i) - start);
        for (int k = 0; k < 2; k++) {
          double sum = TB[k];
          for (int c = 0; c < 4; c++) {
            sum += T[k][c] * ROWS[i][c];
          }
          assertEquals(Math.tanh(sum), values.get(start + k), EPS, "row " + i + " output " + k);
        }
      }
    }
  }

  @Test
  void aPredictorSentToAnotherJvmLoadsItsModelThere() throws Exception {
    try (Checkpoint checkpoint =
            ModelFileCheckpoint.create(model("logistic.onnx"), logisticSignature());
        ModelFilePredictor predictor = ModelFilePredictor.fromCheckpoint(checkpoint)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(predictor);
      }
      try (ObjectInputStream in =
              new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
          ModelFilePredictor shipped = (ModelFilePredictor) in.readObject();
          VectorSchemaRoot batch = rows();
          VectorSchemaRoot out = shipped.predict(batch)) {
        assertLogistic(out);
        assertEquals(logisticSignature(), shipped.signature());
      }
    }
  }

  private static VectorSchemaRoot noRows() {
    return Batches.of(
        doubles(ALLOCATOR, "a"),
        doubles(ALLOCATOR, "b"),
        doubles(ALLOCATOR, "c"),
        doubles(ALLOCATOR, "d"));
  }

  /** {@code n} rows of four columns a, b, c, d: row i is {@code sin(i + c)} in column c. */
  private static VectorSchemaRoot generatedRows(int n) {
    Double[][] columns = new Double[4][n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 4; c++) {
        columns[c][i] = Math.sin(i + c);
      }
    }
    return Batches.of(
        doubles(ALLOCATOR, "a", columns[0]),
        doubles(ALLOCATOR, "b", columns[1]),
        doubles(ALLOCATOR, "c", columns[2]),
        doubles(ALLOCATOR, "d", columns[3]));
  }

  @Test
  void batchesOfChangingSizesOnOneThreadEachPredictTheirOwnRows() {
    try (Checkpoint onnx = ModelFileCheckpoint.create(model("logistic.onnx"), logisticSignature());
        Checkpoint torch = ModelFileCheckpoint.create(model("tanh_net.pt"), tanhSignature());
        ModelFilePredictor logistic = ModelFilePredictor.fromCheckpoint(onnx);
        ModelFilePredictor net = ModelFilePredictor.fromCheckpoint(torch)) {
      // larger and smaller than a tile of rows, and not multiples of it, in both directions
      for (int n : new int[] {5_000, 3, 129, 10_000, 1, 257}) {
        try (VectorSchemaRoot batch = generatedRows(n);
            VectorSchemaRoot p = logistic.predict(batch);
            VectorSchemaRoot y = net.predict(batch)) {
          assertEquals(n, p.getRowCount());
          assertEquals(n, y.getRowCount());
          ListVector pairs = (ListVector) y.getVector("prediction");
          for (int i = 0; i < n; i++) {
            double[] row = {Math.sin(i), Math.sin(i + 1), Math.sin(i + 2), Math.sin(i + 3)};
            double logit = logit(row);
            assertEquals(logit, (Double) p.getVector("score").getObject(i), EPS, n + " rows");
            List<?> pair = pairs.getObject(i);
            for (int k = 0; k < 2; k++) {
              double sum = TB[k];
              for (int c = 0; c < 4; c++) {
                sum += T[k][c] * (float) row[c];
              }
              assertEquals(Math.tanh(sum), (Double) pair.get(k), EPS, "row " + i + " of " + n);
            }
          }
        }
      }
    }
  }

  @Test
  void anEmptyBatchGivesColumnsOfTheTypesAFullOneGives() {
    try (Checkpoint onnx = ModelFileCheckpoint.create(model("logistic.onnx"), logisticSignature());
        Checkpoint torch = ModelFileCheckpoint.create(model("tanh_net.pt"), tanhSignature());
        ModelFilePredictor scalars = ModelFilePredictor.fromCheckpoint(onnx);
        ModelFilePredictor arrays = ModelFilePredictor.fromCheckpoint(torch);
        VectorSchemaRoot batch = noRows();
        VectorSchemaRoot one = scalars.predict(batch);
        VectorSchemaRoot two = arrays.predict(batch)) {
      assertEquals(0, one.getRowCount());
      assertEquals(List.of("prediction", "score"), Batches.names(one));
      assertTrue(one.getVector("prediction") instanceof Float8Vector);
      assertEquals(0, two.getRowCount());
      assertTrue(two.getVector("prediction") instanceof ListVector, two.getSchema().toString());
    }
  }

  @Test
  void aBadSignatureIsRefusedNamingTheField() {
    IllegalArgumentException batchFirst =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModelSignature.builder()
                    .input("x", ModelSignature.DataType.FP32, new long[] {4, -1}, "a")
                    .output("y", "prediction")
                    .build());
    assertEquals(
        "model signature: field 'inputs[0].shape' must start with -1, the batch dimension, got"
            + " [4, -1]",
        batchFirst.getMessage());
    IllegalArgumentException width =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModelSignature.builder()
                    .input("x", ModelSignature.DataType.FP32, new long[] {-1, 4}, "a", "b", "c")
                    .output("y", "prediction")
                    .build());
    assertTrue(
        width.getMessage().startsWith("model signature: field 'inputs[0].columns' names 3"),
        width.getMessage());
    IllegalArgumentException noOutputs =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModelSignature.builder()
                    .input("x", ModelSignature.DataType.FP32, new long[] {-1, 1}, "a")
                    .build());
    assertTrue(noOutputs.getMessage().contains("'outputs' is empty"), noOutputs.getMessage());
    String json = new String(logisticSignature().toJson(), StandardCharsets.UTF_8);
    IllegalArgumentException type =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModelSignature.fromJson(
                    json.replace("\"FP32\"", "\"BF16\"").getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "model signature: field 'inputs[0].datatype' must be one of [FP32, FP64, INT32, INT64],"
            + " got \"BF16\"",
        type.getMessage());
    assertEquals(
        logisticSignature(), ModelSignature.fromJson(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aCheckpointIsRefusedWhenTheModelDoesNotMatchOrIsNoModel(@TempDir Path dir) throws Exception {
    ModelSignature wrongInput =
        ModelSignature.builder()
            .input("pixels", ModelSignature.DataType.FP32, new long[] {-1, 4}, "a", "b", "c", "d")
            .output("probability", "prediction")
            .build();
    IllegalArgumentException notAnInput =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelFileCheckpoint.create(model("logistic.onnx"), wrongInput));
    assertEquals(
        "model signature: field 'inputs[0].name' names 'pixels', which is not an input of"
            + " logistic.onnx: its inputs are [features]",
        notAnInput.getMessage());

    Path text = Files.writeString(dir.resolve("model.txt"), "not a model");
    IllegalArgumentException kind =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelFileCheckpoint.create(text, logisticSignature()));
    assertTrue(kind.getMessage().contains("is not a TorchScript or ONNX file"), kind.getMessage());

    Path garbage = Files.writeString(dir.resolve("broken.onnx"), "not a model");
    IllegalArgumentException broken =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelFileCheckpoint.create(garbage, logisticSignature()));
    assertTrue(
        broken.getMessage().startsWith("OnnxRuntime cannot load broken.onnx"), broken.getMessage());
  }

  @Test
  void aBatchWithoutTheSignaturesColumnsIsRefusedNamingThem() {
    try (Checkpoint checkpoint =
            ModelFileCheckpoint.create(model("logistic.onnx"), logisticSignature());
        ModelFilePredictor predictor = ModelFilePredictor.fromCheckpoint(checkpoint);
        VectorSchemaRoot batch =
            Batches.of(doubles(ALLOCATOR, "a", 1.0), doubles(ALLOCATOR, "b", 2.0))) {
      IllegalArgumentException missing =
          assertThrows(IllegalArgumentException.class, () -> predictor.predict(batch));
      assertTrue(missing.getMessage().contains("'c'"), missing.getMessage());
    }
  }
}
