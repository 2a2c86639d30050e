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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * A batch's columns as the input tensors a {@link ModelSignature} describes: several numeric
 * columns, or one array column, become a tensor of the input's datatype and shape, row after row.
 * Double columns without nulls into an FP32 input (what a DataFrame's doubles meet most) take a
 * fast path.
 */
final class InputTensors {
  /**
   * Rows turned from columns at a time: the tile's doubles (32 KB for 16 columns) are read in bulk
   * from Arrow, then written out row after row.
   */
  private static final int TILE = 256;

  /** Each thread's arrays for turning columns into rows, kept from batch to batch. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** A tile of the columns' values and the rows they become, grown to the largest batch seen. */
  private static final class Scratch {
    double[] column = new double[0];
    float[] rows = new float[0];

    Scratch ensure(int columnLength, int rowsLength) {
      if (column.length < columnLength) {
        column = new double[columnLength];
      }
      if (rows.length < rowsLength) {
        rows = new float[rowsLength];
      }
      return this;
    }
  }

  private InputTensors() {}

  /**
   * One row of zeros: what an empty batch runs, so that its columns have the types a full batch
   * gives (a double, or an array of as many doubles as the model gives a row).
   */
  static NDArray zeroRow(NDManager manager, ModelSignature.Input spec) {
    long[] dims = spec.shape().stream().mapToLong(Long::longValue).toArray();
    dims[0] = 1;
    Shape shape = new Shape(dims);
    int width = spec.rowWidth();
    return switch (spec.datatype()) {
      case FP32 -> manager.create(FloatBuffer.wrap(new float[width]), shape);
      case FP64 -> manager.create(DoubleBuffer.wrap(new double[width]), shape);
      case INT64 -> manager.create(LongBuffer.wrap(new long[width]), shape);
      case INT32 -> manager.create(IntBuffer.wrap(new int[width]), shape);
    };
  }

  /**
   * The tensor of an input, from the batch's {@code n} rows.
   *
   * @throws IllegalArgumentException naming a missing, null or non-numeric column, or a row width
   *     that is not the input's
   */
  static NDArray of(NDManager manager, VectorSchemaRoot batch, ModelSignature.Input spec, int n) {
    long[] dims = spec.shape().stream().mapToLong(Long::longValue).toArray();
    dims[0] = n;
    Shape shape = new Shape(dims);
    int width = spec.rowWidth();
    if (spec.datatype() == ModelSignature.DataType.FP32) {
      float[] doubles = floatsOfDoubleColumns(batch, spec, n);
      if (doubles != null) {
        return manager.create(FloatBuffer.wrap(doubles, 0, n * width), shape);
      }
      FeatureRows rows = new FeatureRows();
      rows.add(batch, null, spec.columns());
      requireWidth(spec, rows.width());
      return manager.create(FloatBuffer.wrap(rows.values(), 0, n * width), shape);
    }
    double[] values = doubles(batch, spec, n);
    return switch (spec.datatype()) {
      case FP64 -> manager.create(DoubleBuffer.wrap(values), shape);
      case INT64 -> {
        long[] longs = new long[values.length];
        for (int i = 0; i < longs.length; i++) {
          longs[i] = (long) values[i];
        }
        yield manager.create(LongBuffer.wrap(longs), shape);
      }
      case INT32 -> {
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
          ints[i] = (int) values[i];
        }
        yield manager.create(IntBuffer.wrap(ints), shape);
      }
      case FP32 -> throw new IllegalStateException("read above");
    };
  }

  /**
   * The rows of an input fed by double columns without nulls (what a DataFrame's doubles become),
   * as floats row after row in this thread's scratch array (which the engines copy from when they
   * make a tensor); null for other columns.
   */
  private static float[] floatsOfDoubleColumns(
      VectorSchemaRoot batch, ModelSignature.Input spec, int n) {
    List<String> names = spec.columns();
    int width = names.size();
    if (width != spec.rowWidth()) {
      return null;
    }
    List<FieldVector> columns = new ArrayList<>(width);
    for (String name : names) {
      FieldVector column = batch.getVector(name);
      if (!(column instanceof Float8Vector) || column.getNullCount() > 0) {
        return null;
      }
      columns.add(column);
    }
    DoubleBuffer[] data = new DoubleBuffer[width];
    for (int c = 0; c < width; c++) {
      data[c] =
          columns
              .get(c)
              .getDataBuffer()
              .nioBuffer(0, n * Float8Vector.TYPE_WIDTH)
              .order(ByteOrder.LITTLE_ENDIAN)
              .asDoubleBuffer();
    }
    Scratch scratch = SCRATCH.get().ensure(TILE * width, n * width);
    double[] tile = scratch.column;
    float[] out = scratch.rows;
    for (int from = 0; from < n; from += TILE) {
      int rows = Math.min(TILE, n - from);
      for (int c = 0; c < width; c++) {
        data[c].get(from, tile, c * TILE, rows);
      }
      for (int i = 0, at = from * width; i < rows; i++) {
        for (int c = 0, in = i; c < width; c++, in += TILE) {
          out[at++] = (float) tile[in];
        }
      }
    }
    return out;
  }

  /** An input's values, row after row: one per column, or a row's array of one array column. */
  private static double[] doubles(VectorSchemaRoot batch, ModelSignature.Input spec, int n) {
    int width = spec.rowWidth();
    double[] out = new double[n * width];
    List<FieldVector> columns = new ArrayList<>();
    for (String name : spec.columns()) {
      FieldVector column = batch.getVector(name);
      if (column == null) {
        throw new IllegalArgumentException(
            "column '"
                + name
                + "' of input '"
                + spec.name()
                + "' is not in the batch's "
                + batch.getSchema().getFields());
      }
      columns.add(column);
    }
    if (columns.size() == 1 && columns.get(0) instanceof ListVector list) {
      FieldVector elements = (FieldVector) list.getDataVector();
      for (int i = 0; i < n; i++) {
        int start = list.getElementStartIndex(i);
        requireWidth(spec, list.isNull(i) ? 0 : list.getElementEndIndex(i) - start);
        for (int k = 0; k < width; k++) {
          out[i * width + k] = number(elements, start + k, spec);
        }
      }
      return out;
    }
    requireWidth(spec, columns.size());
    for (int c = 0; c < width; c++) {
      for (int i = 0; i < n; i++) {
        out[i * width + c] = number(columns.get(c), i, spec);
      }
    }
    return out;
  }

  private static double number(FieldVector vector, int row, ModelSignature.Input spec) {
    if (vector.isNull(row)) {
      throw new IllegalArgumentException(
          "column '" + vector.getName() + "' of input '" + spec.name() + "' has a null; fill it");
    }
    if (vector instanceof FloatingPointVector floating) {
      return floating.getValueAsDouble(row);
    }
    if (vector instanceof BaseIntVector integer) {
      return integer.getValueAsLong(row);
    }
    throw new IllegalArgumentException(
        "column '"
            + vector.getName()
            + "' of input '"
            + spec.name()
            + "' is not numeric: "
            + vector.getField().getType());
  }

  private static void requireWidth(ModelSignature.Input spec, int width) {
    if (width != spec.rowWidth()) {
      throw new IllegalArgumentException(
          "input '"
              + spec.name()
              + "' of shape "
              + spec.shape()
              + " takes "
              + spec.rowWidth()
              + " values a row; its columns "
              + spec.columns()
              + " give "
              + width);
    }
  }
}
