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
package io.sparkair.data;

import java.util.function.BiFunction;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.spark.sql.types.BinaryType$;
import org.apache.spark.sql.types.BooleanType$;
import org.apache.spark.sql.types.ByteType$;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType$;
import org.apache.spark.sql.types.DoubleType$;
import org.apache.spark.sql.types.FloatType$;
import org.apache.spark.sql.types.IntegerType$;
import org.apache.spark.sql.types.LongType$;
import org.apache.spark.sql.types.ShortType$;
import org.apache.spark.sql.types.StringType$;
import org.apache.spark.sql.types.TimestampNTZType$;
import org.apache.spark.sql.types.TimestampType$;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.unsafe.Platform;

/**
 * Copies a run of values from a Spark {@link ColumnVector} into an Arrow vector of the type Spark's
 * {@code ArrowUtils} gives that column, with no row in between: fixed-width values move as one
 * block of memory per run, strings and booleans value by value.
 */
@FunctionalInterface
interface ColumnCopy {

  /**
   * Copies the first {@code rows} values of {@code from} into {@code to} starting at row {@code
   * at}. Fixed-width vectors must already have room for {@code at + rows} values.
   */
  void copy(ColumnVector from, int rows, FieldVector to, int at);

  /** The copy for a Spark type, or null when the type has none (the row path handles it). */
  static ColumnCopy forType(DataType type) {
    if (type == DoubleType$.MODULE$) {
      return fixedWidth(
          8, double[].class, Platform.DOUBLE_ARRAY_OFFSET, (v, n) -> v.getDoubles(0, n));
    }
    if (type == LongType$.MODULE$
        || type == TimestampType$.MODULE$
        || type == TimestampNTZType$.MODULE$) {
      return fixedWidth(8, long[].class, Platform.LONG_ARRAY_OFFSET, (v, n) -> v.getLongs(0, n));
    }
    if (type == FloatType$.MODULE$) {
      return fixedWidth(4, float[].class, Platform.FLOAT_ARRAY_OFFSET, (v, n) -> v.getFloats(0, n));
    }
    if (type == IntegerType$.MODULE$ || type == DateType$.MODULE$) {
      return fixedWidth(4, int[].class, Platform.INT_ARRAY_OFFSET, (v, n) -> v.getInts(0, n));
    }
    if (type == ShortType$.MODULE$) {
      return fixedWidth(2, short[].class, Platform.SHORT_ARRAY_OFFSET, (v, n) -> v.getShorts(0, n));
    }
    if (type == ByteType$.MODULE$) {
      return fixedWidth(1, byte[].class, Platform.BYTE_ARRAY_OFFSET, (v, n) -> v.getBytes(0, n));
    }
    if (type == BooleanType$.MODULE$) {
      return ColumnCopy::booleans;
    }
    if (type == StringType$.MODULE$) {
      return ColumnCopy::strings;
    }
    if (type == BinaryType$.MODULE$) {
      return ColumnCopy::binaries;
    }
    return null;
  }

  /**
   * A copy of fixed-width values from the vector's own array of {@code arrayType} where Spark keeps
   * one ({@link HeapColumnArrays}), else from the copy {@code values} makes of a run; the elements
   * start {@code arrayOffset} bytes into the array object.
   */
  private static ColumnCopy fixedWidth(
      int width,
      Class<?> arrayType,
      long arrayOffset,
      BiFunction<ColumnVector, Integer, Object> values) {
    return (from, rows, to, at) -> {
      BaseFixedWidthVector vector = (BaseFixedWidthVector) to;
      if (vector.getValueCapacity() < at + rows) {
        throw new IllegalStateException(
            "no room for "
                + rows
                + " values at "
                + at
                + " in "
                + vector.getField()
                + " of capacity "
                + vector.getValueCapacity());
      }
      Object array = HeapColumnArrays.of(from, arrayType);
      if (array == null) {
        array = values.apply(from, rows);
      }
      Platform.copyMemory(
          array,
          arrayOffset,
          null,
          vector.getDataBuffer().memoryAddress() + (long) at * width,
          (long) rows * width);
      markValid(from, rows, vector.getValidityBuffer(), at);
    };
  }

  /** Sets the validity bits of rows {@code at .. at + rows} for the non-null values. */
  private static void markValid(ColumnVector from, int rows, ArrowBuf validity, int at) {
    if (from.hasNull()) {
      for (int i = 0; i < rows; i++) {
        if (!from.isNullAt(i)) {
          BitVectorHelper.setBit(validity, at + i);
        }
      }
      return;
    }
    int i = 0;
    while (i < rows && ((at + i) & 7) != 0) {
      BitVectorHelper.setBit(validity, at + i++);
    }
    int wholeBytes = (rows - i) >>> 3;
    validity.setOne((long) (at + i) >>> 3, wholeBytes);
    for (i += wholeBytes << 3; i < rows; i++) {
      BitVectorHelper.setBit(validity, at + i);
    }
  }

  private static void booleans(ColumnVector from, int rows, FieldVector to, int at) {
    BitVector vector = (BitVector) to;
    for (int i = 0; i < rows; i++) {
      if (from.isNullAt(i)) {
        vector.setNull(at + i);
      } else {
        vector.set(at + i, from.getBoolean(i) ? 1 : 0);
      }
    }
  }

  private static void strings(ColumnVector from, int rows, FieldVector to, int at) {
    VarCharVector vector = (VarCharVector) to;
    for (int i = 0; i < rows; i++) {
      if (from.isNullAt(i)) {
        vector.setNull(at + i);
      } else {
        vector.setSafe(at + i, from.getUTF8String(i).getBytes());
      }
    }
  }

  private static void binaries(ColumnVector from, int rows, FieldVector to, int at) {
    VarBinaryVector vector = (VarBinaryVector) to;
    for (int i = 0; i < rows; i++) {
      if (from.isNullAt(i)) {
        vector.setNull(at + i);
      } else {
        vector.setSafe(at + i, from.getBinary(i));
      }
    }
  }
}
