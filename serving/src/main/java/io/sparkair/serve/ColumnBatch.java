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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Rows of a request or a response as named, typed columns: what the HTTP adapters and the gRPC
 * service read and write, and what a replica turns into an Arrow batch for its predictor. Values
 * may be null.
 *
 * <p>The class is long because it converts every column type the sidecar accepts, in both
 * directions, with the checks that name a bad value; each type is a short case.
 */
public final class ColumnBatch {
  /** The type of a column's values. */
  public enum Kind {
    /** {@code Double}. */
    DOUBLE,
    /** {@code Boolean}. */
    BOOLEAN,
    /** {@code String}. */
    STRING,
    /** {@code double[]}. */
    DOUBLE_ARRAY
  }

  /** One named column. */
  public static final class Column {
    private final String name;
    private final Kind kind;
    private final Object[] values;

    /** A column of {@code values} of {@code kind}; a null value stays null. */
    public Column(String name, Kind kind, Object[] values) {
      this.name = Objects.requireNonNull(name, "name");
      this.kind = Objects.requireNonNull(kind, "kind");
      this.values = Objects.requireNonNull(values, "values");
    }

    /** The column's name. */
    public String name() {
      return name;
    }

    /** The type of the column's values. */
    public Kind kind() {
      return kind;
    }

    /** The value of row {@code row}. */
    public Object get(int row) {
      return values[row];
    }

    int size() {
      return values.length;
    }
  }

  private final List<Column> columns;
  private final int rows;

  /**
   * A batch of {@code columns}, all of one length.
   *
   * @throws IllegalArgumentException naming a column whose length differs, or a repeated name
   */
  public ColumnBatch(List<Column> columns) {
    this.columns = List.copyOf(columns);
    this.rows = columns.isEmpty() ? 0 : columns.get(0).size();
    Set<String> names = new HashSet<>();
    for (Column c : columns) {
      if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column '"
                + c.name
                + "' has "
                + c.size()
                + " values but column '"
                + columns.get(0).name
                + "' has "
                + rows);
      }
      if (!names.add(c.name)) {
        throw new IllegalArgumentException("column '" + c.name + "' is given twice");
      }
    }
  }

  /** Columns known to be of {@code rows} values each, with distinct names. */
  private ColumnBatch(List<Column> columns, int rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /** The columns, in order. */
  public List<Column> columns() {
    return columns;
  }

  /** The number of rows: the length of every column, 0 when there are none. */
  public int rowCount() {
    return rows;
  }

  /** Whether {@code other} has the same column names and kinds, in the same order. */
  boolean sameSchema(ColumnBatch other) {
    if (other.columns.size() != columns.size()) {
      return false;
    }
    for (int c = 0; c < columns.size(); c++) {
      Column a = columns.get(c);
      Column b = other.columns.get(c);
      if (a.kind != b.kind || !a.name.equals(b.name)) {
        return false;
      }
    }
    return true;
  }

  /** The rows of {@code batches}, which share a schema, one after another. */
  static ColumnBatch concat(List<ColumnBatch> batches) {
    if (batches.size() == 1) {
      return batches.get(0);
    }
    int total = batches.stream().mapToInt(ColumnBatch::rowCount).sum();
    List<Column> merged = new ArrayList<>();
    ColumnBatch first = batches.get(0);
    for (int c = 0; c < first.columns.size(); c++) {
      Object[] values = new Object[total];
      int at = 0;
      for (ColumnBatch b : batches) {
        Column column = b.columns.get(c);
        System.arraycopy(column.values, 0, values, at, column.size());
        at += column.size();
      }
      merged.add(new Column(first.columns.get(c).name, first.columns.get(c).kind, values));
    }
    return new ColumnBatch(merged, total);
  }

  /** Rows {@code [from, from + count)}. */
  ColumnBatch slice(int from, int count) {
    if (from == 0 && count == rows) {
      return this;
    }
    List<Column> sliced = new ArrayList<>();
    for (Column c : columns) {
      Object[] values = new Object[count];
      System.arraycopy(c.values, from, values, 0, count);
      sliced.add(new Column(c.name, c.kind, values));
    }
    return new ColumnBatch(sliced, count);
  }

  /** This batch as Arrow vectors the caller closes. */
  VectorSchemaRoot toArrow(BufferAllocator allocator) {
    VectorSchemaRoot root = emptyRoot(allocator);
    try {
      fill(root);
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
    return root;
  }

  /** Empty Arrow vectors of this batch's columns, to {@link #fill} again and again. */
  VectorSchemaRoot emptyRoot(BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>();
    for (Column c : columns) {
      switch (c.kind) {
        case DOUBLE:
          vectors.add(new Float8Vector(c.name, allocator));
          break;
        case BOOLEAN:
          vectors.add(new BitVector(c.name, allocator));
          break;
        case STRING:
          vectors.add(new VarCharVector(c.name, allocator));
          break;
        default:
          ListVector list = ListVector.empty(c.name, allocator);
          list.addOrGetVector(
              FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
          vectors.add(list);
      }
    }
    return new VectorSchemaRoot(vectors);
  }

  /**
   * Writes this batch's rows into {@code root}, made by {@link #emptyRoot} of a batch with the same
   * schema, replacing what it held.
   */
  void fill(VectorSchemaRoot root) {
    List<FieldVector> vectors = root.getFieldVectors();
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      FieldVector vector = vectors.get(c);
      vector.reset();
      switch (column.kind) {
        case DOUBLE:
          {
            Float8Vector v = (Float8Vector) vector;
            for (int i = 0; i < rows; i++) {
              if (column.values[i] == null) {
                v.setNull(i);
              } else {
                v.setSafe(i, (Double) column.values[i]);
              }
            }
            break;
          }
        case BOOLEAN:
          {
            BitVector v = (BitVector) vector;
            for (int i = 0; i < rows; i++) {
              if (column.values[i] == null) {
                v.setNull(i);
              } else {
                v.setSafe(i, (Boolean) column.values[i] ? 1 : 0);
              }
            }
            break;
          }
        case STRING:
          {
            VarCharVector v = (VarCharVector) vector;
            for (int i = 0; i < rows; i++) {
              if (column.values[i] == null) {
                v.setNull(i);
              } else {
                v.setSafe(i, ((String) column.values[i]).getBytes(StandardCharsets.UTF_8));
              }
            }
            break;
          }
        default:
          {
            ListVector v = (ListVector) vector;
            Float8Vector data = (Float8Vector) v.getDataVector();
            for (int i = 0; i < rows; i++) {
              double[] array = (double[]) column.values[i];
              if (array == null) {
                v.setNull(i);
                continue;
              }
              int start = v.startNewValue(i);
              for (int k = 0; k < array.length; k++) {
                data.setSafe(start + k, array[k]);
              }
              v.endValue(i, array.length);
            }
          }
      }
      vector.setValueCount(rows);
    }
    root.setRowCount(rows);
  }

  /**
   * The rows {@code [from, from + count)} of a predictor's output: numbers as doubles, lists of
   * numbers as arrays, anything else as text.
   */
  static ColumnBatch fromArrow(VectorSchemaRoot root, int from, int count) {
    List<Column> columns = new ArrayList<>();
    for (FieldVector vector : root.getFieldVectors()) {
      Object[] values = new Object[count];
      Kind kind;
      if (vector instanceof FloatingPointVector || vector instanceof BaseIntVector) {
        kind = Kind.DOUBLE;
        for (int i = 0; i < count; i++) {
          values[i] = vector.isNull(from + i) ? null : number(vector, from + i);
        }
      } else if (vector instanceof BitVector) {
        kind = Kind.BOOLEAN;
        for (int i = 0; i < count; i++) {
          values[i] = vector.isNull(from + i) ? null : ((BitVector) vector).get(from + i) == 1;
        }
      } else if (vector instanceof ListVector) {
        kind = Kind.DOUBLE_ARRAY;
        ListVector list = (ListVector) vector;
        FieldVector data = (FieldVector) list.getDataVector();
        for (int i = 0; i < count; i++) {
          int row = from + i;
          if (list.isNull(row)) {
            continue;
          }
          int start = list.getElementStartIndex(row);
          double[] array = new double[list.getElementEndIndex(row) - start];
          for (int k = 0; k < array.length; k++) {
            array[k] = number(data, start + k);
          }
          values[i] = array;
        }
      } else {
        kind = Kind.STRING;
        for (int i = 0; i < count; i++) {
          Object v = vector.getObject(from + i);
          values[i] = v == null ? null : v.toString();
        }
      }
      columns.add(new Column(vector.getName(), kind, values));
    }
    return new ColumnBatch(columns, count);
  }

  private static double number(FieldVector vector, int index) {
    if (vector instanceof FloatingPointVector) {
      return ((FloatingPointVector) vector).getValueAsDouble(index);
    }
    if (vector instanceof BaseIntVector) {
      return ((BaseIntVector) vector).getValueAsLong(index);
    }
    throw new IllegalStateException(
        "column '" + vector.getName() + "' holds " + vector.getField().getType() + ", not numbers");
  }
}
