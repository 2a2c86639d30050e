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

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.ByteType$;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType$;
import org.apache.spark.sql.types.DoubleType$;
import org.apache.spark.sql.types.FloatType$;
import org.apache.spark.sql.types.IntegerType$;
import org.apache.spark.sql.types.LongType$;
import org.apache.spark.sql.types.ShortType$;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType$;
import org.apache.spark.sql.types.TimestampType$;
import org.apache.spark.unsafe.Platform;

/**
 * Writes rows whose columns are all fixed-width numbers (bytes to longs, floats, doubles, dates,
 * timestamps) into Arrow vectors of the types Spark's {@code ArrowUtils} gives them. An {@link
 * UnsafeRow} (what Spark's generated code produces) is read word by word; other rows through their
 * getters. Spark's {@code ArrowWriter}, which the other schemas take, spent nine tenths of a
 * computed column's conversion writing values one checked {@code setSafe} at a time.
 *
 * <p>Use: {@link #target} a root whose vectors have room for the batch, {@link #write} rows at
 * increasing indexes, {@link #finish} with the row count.
 */
final class FixedWidthRows {
  private final int[] widths;
  private final boolean[] floating;
  private final long[] data;
  private final ArrowBuf[] validity;
  private final int bitSetWidth;

  private FixedWidthRows(int[] widths, boolean[] floating) {
    this.widths = widths;
    this.floating = floating;
    this.data = new long[widths.length];
    this.validity = new ArrowBuf[widths.length];
    this.bitSetWidth = UnsafeRow.calculateBitSetWidthInBytes(widths.length);
  }

  /** A writer for {@code schema}, or null when a column is not a fixed-width number. */
  static FixedWidthRows forSchema(StructType schema) {
    int n = schema.fields().length;
    int[] widths = new int[n];
    boolean[] floating = new boolean[n];
    for (int c = 0; c < n; c++) {
      DataType type = schema.fields()[c].dataType();
      widths[c] = width(type);
      floating[c] = type == DoubleType$.MODULE$ || type == FloatType$.MODULE$;
      if (widths[c] == 0) {
        return null;
      }
    }
    return n == 0 ? null : new FixedWidthRows(widths, floating);
  }

  /** Writes the next rows into {@code root}'s vectors, every value valid until written null. */
  void target(VectorSchemaRoot root) {
    for (int c = 0; c < widths.length; c++) {
      FieldVector vector = root.getVector(c);
      data[c] = ((BaseFixedWidthVector) vector).getDataBuffer().memoryAddress();
      validity[c] = vector.getValidityBuffer();
      validity[c].setOne(0, validity[c].capacity());
    }
  }

  /** Writes {@code row} as row {@code at} of the targeted vectors. */
  void write(InternalRow row, int at) {
    if (row instanceof UnsafeRow) {
      writeUnsafe((UnsafeRow) row, at);
      return;
    }
    for (int c = 0; c < widths.length; c++) {
      if (row.isNullAt(c)) {
        clearValid(c, at);
        continue;
      }
      long to = data[c] + (long) at * widths[c];
      switch (widths[c]) {
        case 8:
          if (floating[c]) {
            Platform.putDouble(null, to, row.getDouble(c));
          } else {
            Platform.putLong(null, to, row.getLong(c));
          }
          break;
        case 4:
          if (floating[c]) {
            Platform.putFloat(null, to, row.getFloat(c));
          } else {
            Platform.putInt(null, to, row.getInt(c));
          }
          break;
        case 2:
          Platform.putShort(null, to, row.getShort(c));
          break;
        default:
          Platform.putByte(null, to, row.getByte(c));
      }
    }
  }

  /** Ends the batch at {@code rows} rows: bits past the last row read as null. */
  void finish(int rows) {
    for (ArrowBuf bits : validity) {
      if ((rows & 7) != 0) {
        long at = rows >>> 3;
        bits.setByte(at, bits.getByte(at) & ((1 << (rows & 7)) - 1));
      }
      long used = (rows + 7L) >>> 3;
      bits.setZero(used, bits.capacity() - used);
    }
  }

  private void writeUnsafe(UnsafeRow row, int at) {
    Object base = row.getBaseObject();
    long words = row.getBaseOffset() + bitSetWidth;
    boolean anyNull = row.anyNull();
    for (int c = 0; c < widths.length; c++) {
      if (anyNull && row.isNullAt(c)) {
        clearValid(c, at);
        continue;
      }
      long from = words + 8L * c;
      switch (widths[c]) {
        case 8:
          Platform.putLong(null, data[c] + 8L * at, Platform.getLong(base, from));
          break;
        case 4:
          Platform.putInt(null, data[c] + 4L * at, Platform.getInt(base, from));
          break;
        case 2:
          Platform.putShort(null, data[c] + 2L * at, Platform.getShort(base, from));
          break;
        default:
          Platform.putByte(null, data[c] + at, Platform.getByte(base, from));
      }
    }
  }

  private void clearValid(int column, int at) {
    long address = validity[column].memoryAddress() + (at >>> 3);
    Platform.putByte(null, address, (byte) (Platform.getByte(null, address) & ~(1 << (at & 7))));
  }

  private static int width(DataType type) {
    if (type == DoubleType$.MODULE$
        || type == LongType$.MODULE$
        || type == TimestampType$.MODULE$
        || type == TimestampNTZType$.MODULE$) {
      return 8;
    }
    if (type == FloatType$.MODULE$ || type == IntegerType$.MODULE$ || type == DateType$.MODULE$) {
      return 4;
    }
    if (type == ShortType$.MODULE$) {
      return 2;
    }
    return type == ByteType$.MODULE$ ? 1 : 0;
  }
}
