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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Rows of Arrow batches as a dense row-major matrix of floats, the layout XGBoost takes: each
 * numeric feature column gives one value per row (a null gives NaN, the missing value), an array
 * column gives as many values as its arrays hold; an optional label column gives the labels.
 */
public final class FeatureRows {
  private float[] values = new float[1024];
  private float[] labels = new float[128];
  private int rows;
  private int width = -1;

  /** The feature columns of a batch: the given ones, or every column but the label. */
  public static List<String> featureColumns(
      List<String> columns, String label, List<String> given) {
    if (given != null) {
      return given;
    }
    List<String> features = new ArrayList<>(columns);
    features.remove(label);
    return features;
  }

  /**
   * Appends a batch's rows.
   *
   * @param label the label column, or null to read no labels
   * @throws IllegalArgumentException naming a missing or non-numeric column
   */
  public void add(VectorSchemaRoot batch, String label, List<String> features) {
    int n = batch.getRowCount();
    FieldVector labelVector = label == null ? null : batch.getVector(label);
    if (label != null && labelVector == null) {
      throw new IllegalArgumentException(
          "label column '" + label + "' not found in " + batch.getSchema().getFields());
    }
    FieldVector[] columns = new FieldVector[features.size()];
    boolean scalar = true;
    for (int c = 0; c < columns.length; c++) {
      columns[c] = batch.getVector(features.get(c));
      if (columns[c] == null) {
        throw new IllegalArgumentException(
            "feature column '"
                + features.get(c)
                + "' not found in "
                + batch.getSchema().getFields());
      }
      scalar &= !(columns[c] instanceof ListVector);
      requireNumeric(
          columns[c] instanceof ListVector
              ? (FieldVector) ((ListVector) columns[c]).getDataVector()
              : columns[c],
          features.get(c));
    }
    if (scalar && (width < 0 || width == columns.length)) {
      addScalars(columns, labelVector, n);
      return;
    }
    for (int i = 0; i < n; i++) {
      int rowWidth = 0;
      ensure((long) (rows + 1) * Math.max(width, columns.length));
      int at = rows * Math.max(width, 0);
      for (FieldVector column : columns) {
        if (column instanceof ListVector) {
          ListVector list = (ListVector) column;
          FieldVector elements = (FieldVector) list.getDataVector();
          int start = list.getElementStartIndex(i);
          int end = list.getElementEndIndex(i);
          if (list.isNull(i)) {
            throw new IllegalArgumentException(
                "array feature column '" + column.getName() + "' has a null row; fill it first");
          }
          ensure((long) at + rowWidth + (end - start) + (long) columns.length);
          for (int e = start; e < end; e++) {
            values[at + rowWidth++] = value(elements, e);
          }
        } else {
          values[at + rowWidth++] = value(column, i);
        }
      }
      if (width < 0) {
        width = rowWidth;
      } else if (rowWidth != width) {
        throw new IllegalArgumentException(
            "rows have "
                + width
                + " and "
                + rowWidth
                + " features; array feature columns must hold arrays of one length");
      }
      if (rows == labels.length) {
        labels = Arrays.copyOf(labels, rows * 2);
      }
      labels[rows] = labelVector == null ? Float.NaN : value(labelVector, i);
      rows++;
    }
  }

  /** Rows of one value per column, copied column by column. */
  private void addScalars(FieldVector[] columns, FieldVector labelVector, int n) {
    width = columns.length;
    ensure((long) (rows + n) * width);
    for (int c = 0; c < width; c++) {
      FieldVector column = columns[c];
      int at = rows * width + c;
      if (column instanceof Float8Vector && column.getNullCount() == 0) {
        ArrowBuf data = column.getDataBuffer();
        for (int i = 0; i < n; i++, at += width) {
          values[at] = (float) data.getDouble((long) i * Float8Vector.TYPE_WIDTH);
        }
      } else {
        for (int i = 0; i < n; i++, at += width) {
          values[at] = value(column, i);
        }
      }
    }
    if (rows + n > labels.length) {
      labels = Arrays.copyOf(labels, Math.max(rows + n, labels.length * 2));
    }
    for (int i = 0; labelVector != null && i < n; i++) {
      labels[rows + i] = value(labelVector, i);
    }
    rows += n;
  }

  private void ensure(long size) {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a worker's shard is too large for one dense matrix ("
              + size
              + " values); use more workers");
    }
    if (size > values.length) {
      values =
          Arrays.copyOf(
              values,
              (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, (long) values.length * 2)));
    }
  }

  private static void requireNumeric(FieldVector vector, String column) {
    if (!(vector instanceof FloatingPointVector
        || vector instanceof BaseIntVector
        || vector instanceof BitVector)) {
      throw new IllegalArgumentException(
          "feature column '"
              + column
              + "' has type "
              + vector.getField().getType()
              + "; the model needs numbers (cast it to double)");
    }
  }

  private static float value(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return Float.NaN;
    }
    if (vector instanceof FloatingPointVector) {
      return (float) ((FloatingPointVector) vector).getValueAsDouble(row);
    }
    if (vector instanceof BaseIntVector) {
      return ((BaseIntVector) vector).getValueAsLong(row);
    }
    if (vector instanceof BitVector) {
      return ((BitVector) vector).get(row);
    }
    throw new IllegalArgumentException(
        "column '"
            + vector.getName()
            + "' has type "
            + vector.getField().getType()
            + "; the model needs numbers (cast it to double)");
  }

  /** Forgets the rows read so far, keeping the arrays for the next ones. */
  public void clear() {
    rows = 0;
    width = -1;
  }

  /** Rows read so far. */
  public int rows() {
    return rows;
  }

  /** Values per row (0 before any row). */
  public int width() {
    return Math.max(width, 0);
  }

  /** The values, row after row: {@code rows() * width()} of them. */
  public float[] values() {
    return Arrays.copyOf(values, rows * width());
  }

  /** The labels, one per row (NaN where none was read). */
  public float[] labels() {
    return Arrays.copyOf(labels, rows);
  }

  /** The rows, with labels, as an XGBoost matrix ({@code missing} is NaN). */
  public DMatrix toDMatrix() throws XGBoostError {
    DMatrix matrix = new DMatrix(values(), rows, width(), Float.NaN);
    matrix.setLabel(labels());
    return matrix;
  }
}
