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

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/** A predictor's output columns, made from a model's scores. */
final class OutputColumns {
  /** The score {@code k} of row {@code row}. */
  @FunctionalInterface
  interface Scores {
    double get(int row, int k);
  }

  /** What a model's scores mean. */
  enum Task {
    /** Score 0 is the probability of class 1. */
    BINARY,
    /** The scores are one probability per class. */
    MULTICLASS,
    /** Score 0 is the predicted value. */
    VALUE
  }

  private OutputColumns() {}

  /**
   * A batch of one column {@code name}: a double per row (score 0), or with {@code arrays} an array
   * of the {@code width} scores per row.
   */
  static VectorSchemaRoot of(
      String name, int rows, int width, boolean arrays, Scores scores, BufferAllocator allocator) {
    if (!arrays) {
      Float8Vector column = new Float8Vector(name, allocator);
      column.allocateNew(Math.max(rows, 1));
      DoubleBuffer data = doubles(column.getDataBuffer(), rows);
      for (int i = 0; i < rows; i++) {
        data.put(i, scores.get(i, 0));
      }
      setValid(column.getValidityBuffer(), rows);
      column.setValueCount(rows);
      return new VectorSchemaRoot(List.<FieldVector>of(column));
    }
    ListVector column = ListVector.empty(name, allocator);
    column.addOrGetVector(
        FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    column.setInitialCapacity(Math.max(rows, 1), width);
    column.allocateNew();
    Float8Vector values = (Float8Vector) column.getDataVector();
    values.allocateNew(Math.max(rows * width, 1));
    DoubleBuffer data = doubles(values.getDataBuffer(), rows * width);
    IntBuffer offsets =
        column
            .getOffsetBuffer()
            .nioBuffer(0, (rows + 1) * ListVector.OFFSET_WIDTH)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asIntBuffer();
    offsets.put(0, 0);
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < width; k++) {
        data.put(i * width + k, scores.get(i, k));
      }
      offsets.put(i + 1, (i + 1) * width);
    }
    setValid(values.getValidityBuffer(), rows * width);
    values.setValueCount(rows * width);
    setValid(column.getValidityBuffer(), rows);
    column.setLastSet(rows - 1);
    column.setValueCount(rows);
    return new VectorSchemaRoot(List.<FieldVector>of(column));
  }

  /** The first {@code n} values of a double vector's data buffer, written in place. */
  private static DoubleBuffer doubles(ArrowBuf data, int n) {
    return data.nioBuffer(0, n * Float8Vector.TYPE_WIDTH)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asDoubleBuffer();
  }

  /** Marks the first {@code n} values of a vector valid. */
  private static void setValid(ArrowBuf validity, int n) {
    validity.setOne(0L, (long) (n / 8));
    for (int i = n / 8 * 8; i < n; i++) {
      BitVectorHelper.setBit(validity, i);
    }
  }

  /**
   * The columns Spark ML's classifiers and regressors give: {@code prediction} (the class with the
   * highest probability, or the value) and, for classification, {@code probability} (an array with
   * one probability per class).
   *
   * @param width the number of scores per row
   */
  static VectorSchemaRoot predictions(
      Task task, int rows, int width, Scores scores, BufferAllocator allocator) {
    if (task == Task.VALUE) {
      return of("prediction", rows, width, false, scores, allocator);
    }
    boolean binary = task == Task.BINARY;
    int classes = binary ? 2 : width;
    VectorSchemaRoot probability =
        of(
            "probability",
            rows,
            classes,
            true,
            binary ? (row, k) -> k == 1 ? scores.get(row, 0) : 1 - scores.get(row, 0) : scores,
            allocator);
    Float8Vector prediction = new Float8Vector("prediction", allocator);
    prediction.allocateNew(Math.max(rows, 1));
    for (int i = 0; i < rows; i++) {
      int best = 0;
      for (int k = 1; k < width; k++) {
        best = scores.get(i, k) > scores.get(i, best) ? k : best;
      }
      prediction.set(i, binary ? (scores.get(i, 0) > 0.5 ? 1 : 0) : best);
    }
    prediction.setValueCount(rows);
    return new VectorSchemaRoot(List.<FieldVector>of(prediction, probability.getVector(0)));
  }
}
