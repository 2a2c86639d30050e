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
package io.sparkair.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output-column params the stages that make models share ({@code predictionCol}, {@code
 * probabilityCol}, as Spark ML's {@code HasPredictionCol} and {@code HasProbabilityCol} name them),
 * and the renaming of a predictor's columns to them.
 */
final class OutputColumns {
  /** The name a predictor gives its prediction column. */
  static final String PREDICTION = "prediction";

  /** The name a classifier's predictor gives its class-probability column. */
  static final String PROBABILITY = "probability";

  private OutputColumns() {}

  /** A {@code predictionCol} param of {@code owner}, default {@code prediction}. */
  static Param<String> predictionCol(Params owner) {
    Param<String> param = new Param<>(owner, "predictionCol", "the prediction column's name");
    owner.setDefault(param, PREDICTION);
    return param;
  }

  /** A {@code probabilityCol} param of {@code owner}, default {@code probability}. */
  static Param<String> probabilityCol(Params owner) {
    Param<String> param =
        new Param<>(
            owner, "probabilityCol", "the column of class probabilities (classifiers only)");
    owner.setDefault(param, PROBABILITY);
    return param;
  }

  /**
   * {@code output}, a stage's output schema for {@code input}, with the columns it adds named
   * {@code predictionCol} and {@code probabilityCol} instead of the predictor's names.
   *
   * @throws IllegalArgumentException when a new name is already a column of the input
   */
  static StructType renamed(
      StructType output, StructType input, String predictionCol, String probabilityCol) {
    Map<String, String> names = Map.of(PREDICTION, predictionCol, PROBABILITY, probabilityCol);
    List<String> inputNames = List.of(input.fieldNames());
    StructType out = input;
    for (StructField field : output.fields()) {
      if (inputNames.contains(field.name())) {
        continue;
      }
      String name = names.getOrDefault(field.name(), field.name());
      if (inputNames.contains(name)) {
        throw new IllegalArgumentException(
            "the input already has a column '" + name + "'; drop or rename it first");
      }
      out = out.add(new StructField(name, field.dataType(), field.nullable(), field.metadata()));
    }
    return probabilityAsVector(out, probabilityCol);
  }

  /**
   * {@code schema} with the class-probability column, when it has one as an array of doubles, a
   * Spark ML vector, as Spark ML's classifiers give it.
   */
  static StructType probabilityAsVector(StructType schema, String probabilityCol) {
    if (!isDoubleArray(schema, probabilityCol)) {
      return schema;
    }
    StructField[] fields = schema.fields().clone();
    int i = schema.fieldIndex(probabilityCol);
    fields[i] =
        new StructField(
            probabilityCol, SQLDataTypes.VectorType(), fields[i].nullable(), fields[i].metadata());
    return new StructType(fields);
  }

  /** {@code scored} with its class-probability column converted as {@link #probabilityAsVector}. */
  static Dataset<Row> probabilityAsVector(Dataset<Row> scored, String probabilityCol) {
    if (!isDoubleArray(scored.schema(), probabilityCol)) {
      return scored;
    }
    return scored.withColumn(probabilityCol, functions.array_to_vector(scored.col(probabilityCol)));
  }

  private static boolean isDoubleArray(StructType schema, String column) {
    return List.of(schema.fieldNames()).contains(column)
        && schema.apply(column).dataType() instanceof ArrayType array
        && array.elementType() == DataTypes.DoubleType;
  }

  /**
   * {@code batch} with its columns renamed as {@code names} says (a column absent from {@code
   * names} keeps its name); {@code batch} itself when none changes. The buffers move to the new
   * batch: {@code batch} is closed.
   */
  static VectorSchemaRoot renamed(VectorSchemaRoot batch, Map<String, String> names) {
    boolean changes =
        batch.getFieldVectors().stream()
            .anyMatch(v -> !names.getOrDefault(v.getName(), v.getName()).equals(v.getName()));
    if (!changes) {
      return batch;
    }
    List<FieldVector> moved = new ArrayList<>();
    for (FieldVector vector : batch.getFieldVectors()) {
      TransferPair transfer =
          vector.getTransferPair(
              names.getOrDefault(vector.getName(), vector.getName()), vector.getAllocator());
      transfer.transfer();
      moved.add((FieldVector) transfer.getTo());
    }
    int rows = batch.getRowCount();
    batch.close();
    VectorSchemaRoot out = new VectorSchemaRoot(moved);
    out.setRowCount(rows);
    return out;
  }
}
