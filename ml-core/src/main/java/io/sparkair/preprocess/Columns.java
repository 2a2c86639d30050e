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
package io.sparkair.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Field;

/** Reading and writing the Arrow columns preprocessors work on. */
final class Columns {
  private Columns() {}

  /** A numeric column read as doubles. */
  @FunctionalInterface
  interface Doubles {
    double get(int row);
  }

  /**
   * The named column of a batch.
   *
   * @throws IllegalArgumentException naming the column and the columns the batch has
   */
  static FieldVector require(VectorSchemaRoot batch, String column, String who) {
    FieldVector vector = batch.getVector(column);
    if (vector == null) {
      throw new IllegalArgumentException(
          who + ": column '" + column + "' not found; the data " + "has columns " + names(batch));
    }
    return vector;
  }

  /** Checks that every named column exists. */
  static void requireAll(VectorSchemaRoot batch, List<String> columns, String who) {
    for (String column : columns) {
      require(batch, column, who);
    }
  }

  static List<String> names(VectorSchemaRoot batch) {
    List<String> names = new ArrayList<>();
    for (Field field : batch.getSchema().getFields()) {
      names.add(field.getName());
    }
    return names;
  }

  /**
   * A numeric column's values as doubles.
   *
   * @throws IllegalArgumentException when the column is not numeric
   */
  static Doubles doubles(FieldVector vector, String who) {
    if (vector instanceof FloatingPointVector) {
      FloatingPointVector floating = (FloatingPointVector) vector;
      return floating::getValueAsDouble;
    }
    if (vector instanceof BaseIntVector) {
      BaseIntVector integers = (BaseIntVector) vector;
      return integers::getValueAsLong;
    }
    throw new IllegalArgumentException(
        who
            + ": column '"
            + vector.getName()
            + "' has type "
            + vector.getField().getType()
            + "; it needs a numeric column");
  }

  /**
   * A categorical value: a string, a whole number as {@link Long}, a floating-point number as
   * {@link Double}, a boolean; null for null.
   *
   * @throws IllegalArgumentException when the column holds another type
   */
  static Object category(FieldVector vector, int row, String who) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof VarCharVector) {
      return new String(((VarCharVector) vector).get(row), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (vector instanceof BaseIntVector) {
      return ((BaseIntVector) vector).getValueAsLong(row);
    }
    if (vector instanceof FloatingPointVector) {
      return ((FloatingPointVector) vector).getValueAsDouble(row);
    }
    if (vector instanceof BitVector) {
      return ((BitVector) vector).get(row) == 1;
    }
    throw new IllegalArgumentException(
        who
            + ": column '"
            + vector.getName()
            + "' has type "
            + vector.getField().getType()
            + "; categories must be strings, numbers or booleans");
  }

  /** A categorical value as read back from JSON, in the form {@link #category} gives. */
  static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    return value;
  }

  /** A new nullable double column of {@code rows} values, allocated and not yet filled. */
  static Float8Vector newDoubles(String name, int rows, BufferAllocator allocator) {
    Float8Vector out = new Float8Vector(name, allocator);
    out.allocateNew(Math.max(rows, 1));
    return out;
  }

  /**
   * A double column of {@code rows} values whose values and validity bits are not yet set: unlike
   * {@link #newDoubles}, its buffers are not zeroed first.
   */
  private static Float8Vector unfilledDoubles(String name, int rows, BufferAllocator allocator) {
    Float8Vector out = new Float8Vector(name, allocator);
    try (ArrowBuf validity = allocator.buffer(validityBytes(rows));
        ArrowBuf data = allocator.buffer((long) rows * Float8Vector.TYPE_WIDTH)) {
      out.loadFieldBuffers(new ArrowFieldNode(rows, 0), List.of(validity, data));
    }
    return out;
  }

  /**
   * The bytes of a validity buffer for {@code rows} values: one bit each. (Arrow renamed its own
   * helper for this in 19; computing it keeps these classes the same on every Arrow.)
   */
  static int validityBytes(int rows) {
    return (rows + 7) / 8;
  }

  /**
   * {@code (x - offset) / scale} of a numeric column, as doubles; nulls stay null. A double column
   * is read straight from its buffers.
   */
  static Float8Vector affine(
      FieldVector in, double offset, double scale, BufferAllocator allocator, String who) {
    int rows = in.getValueCount();
    if (in instanceof Float8Vector && rows > 0) {
      Float8Vector out = unfilledDoubles(in.getName(), rows, allocator);
      ArrowBuf from = in.getDataBuffer();
      ArrowBuf to = out.getDataBuffer();
      for (long at = 0, end = (long) rows * Float8Vector.TYPE_WIDTH;
          at < end;
          at += Float8Vector.TYPE_WIDTH) {
        to.setDouble(at, (from.getDouble(at) - offset) / scale);
      }
      int validityBytes = validityBytes(rows);
      if (in.getNullCount() > 0) {
        out.getValidityBuffer().setBytes(0, in.getValidityBuffer(), 0, validityBytes);
      } else {
        out.getValidityBuffer().setOne(0, validityBytes);
      }
      return out;
    }
    Float8Vector out = newDoubles(in.getName(), rows, allocator);
    Doubles values = doubles(in, who);
    for (int i = 0; i < rows; i++) {
      if (in.isNull(i)) {
        out.setNull(i);
      } else {
        out.set(i, (values.get(i) - offset) / scale);
      }
    }
    out.setValueCount(rows);
    return out;
  }
}
