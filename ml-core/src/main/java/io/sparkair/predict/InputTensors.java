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
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
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
   * Rows turned from columns at a time: the tile's doubles (16 KB for 16 columns) are read in bulk
   * from Arrow and its rows written as floats (8 KB), both within the first-level cache.
   */
  private static final int TILE = 128;

  /**
   * The largest input kept in a thread's direct buffer from batch to batch; larger ones are
   * allocated for their batch.
   */
  private static final int KEPT_INPUT_BYTES = 16 << 20;

  /** Each thread's buffers for turning columns into rows, kept from batch to batch. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * A tile of the columns' values, the tile's rows, and a direct buffer per model input that the
   * engines read the rows from without copying them, each grown to the largest batch seen.
   */
  private static final class Scratch {
    double[] tile = new double[0];
    float[] rows = new float[0];
    final List<ByteBuffer> inputs = new ArrayList<>();

    Scratch ensureTile(int width) {
      if (tile.length < TILE * width) {
        tile = new double[TILE * width];
        rows = new float[TILE * width];
      }
      return this;
    }

    /** The direct buffer of input {@code index} with room for {@code bytes}, native order. */
    ByteBuffer input(int index, int bytes) {
      if (bytes > KEPT_INPUT_BYTES) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
      }
      while (inputs.size() <= index) {
        inputs.add(ByteBuffer.allocateDirect(0));
      }
      ByteBuffer buffer = inputs.get(index);
      if (buffer.capacity() < bytes) {
        buffer = ByteBuffer.allocateDirect(Math.max(bytes, 2 * buffer.capacity()));
        inputs.set(index, buffer);
      }
      return buffer.clear().limit(bytes).order(ByteOrder.nativeOrder());
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
  static NDArray of(
      NDManager manager, VectorSchemaRoot batch, ModelSignature.Input spec, int index, int n) {
    long[] dims = spec.shape().stream().mapToLong(Long::longValue).toArray();
    dims[0] = n;
    Shape shape = new Shape(dims);
    int width = spec.rowWidth();
    if (spec.datatype() == ModelSignature.DataType.FP32) {
      ByteBuffer direct = floatsOfDoubleColumns(batch, spec, index, n);
      if (direct != null) {
        return manager.create(direct, shape, DataType.FLOAT32);
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
   * as floats row after row in this thread's direct buffer of input {@code index}, which the
   * engines read in place; null for other columns.
   */
  private static ByteBuffer floatsOfDoubleColumns(
      VectorSchemaRoot batch, ModelSignature.Input spec, int index, int n) {
    List<String> names = spec.columns();
    int width = names.size();
    if (width != spec.rowWidth()) {
      return null;
    }
    DoubleBuffer[] data = new DoubleBuffer[width];
    for (int c = 0; c < width; c++) {
      FieldVector column = batch.getVector(names.get(c));
      if (!(column instanceof Float8Vector) || column.getNullCount() > 0) {
        return null;
      }
      data[c] =
          column
              .getDataBuffer()
              .nioBuffer(0, n * Float8Vector.TYPE_WIDTH)
              .order(ByteOrder.LITTLE_ENDIAN)
              .asDoubleBuffer();
    }
    Scratch scratch = SCRATCH.get().ensureTile(width);
    double[] tile = scratch.tile;
    float[] rows = scratch.rows;
    ByteBuffer buffer = scratch.input(index, n * width * Float.BYTES);
    FloatBuffer out = buffer.asFloatBuffer();
    for (int from = 0; from < n; from += TILE) {
      int count = Math.min(TILE, n - from);
      for (int c = 0; c < width; c++) {
        data[c].get(from, tile, c * TILE, count);
      }
      int at = 0;
      for (int i = 0; i < count; i++) {
        for (int c = 0, in = i; c < width; c++, in += TILE) {
          rows[at++] = (float) tile[in];
        }
      }
      out.put(from * width, rows, 0, at);
    }
    return buffer;
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
