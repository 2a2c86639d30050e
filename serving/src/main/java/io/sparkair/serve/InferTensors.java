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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The Open Inference Protocol's tensors as rows, whichever encoding (JSON or protobuf) brought
 * them: an input tensor of shape {@code [n]} is a column of {@code n} rows, one of shape {@code [n,
 * k]} a column of arrays of {@code k} numbers; numeric datatypes become doubles, {@code BOOL}
 * booleans, {@code BYTES} strings. Collects a request's inputs with {@link #add} and checks them
 * against each other.
 */
final class InferTensors {
  /** The protocol's numeric datatypes; they all become doubles. */
  private static final Set<String> NUMERIC =
      Set.of(
          "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64", "FP16", "FP32",
          "FP64");

  /** The protocol's datatypes, the most used first. */
  static final List<String> DATATYPE_NAMES =
      List.of(
          "FP64", "FP32", "INT64", "INT32", "BOOL", "BYTES", "FP16", "INT8", "INT16", "UINT8",
          "UINT16", "UINT32", "UINT64");

  private final List<ColumnBatch.Column> columns = new ArrayList<>();
  private String firstName;
  private long rows = -1;

  /**
   * Checks an input's datatype.
   *
   * @throws BadRequestException when it is none of the protocol's
   */
  static void checkDatatype(String name, String datatype) {
    if (!isNumeric(datatype) && !datatype.equals("BOOL") && !datatype.equals("BYTES")) {
      throw new BadRequestException(
          "input '"
              + name
              + "' has datatype '"
              + datatype
              + "'; the protocol's are "
              + String.join(", ", DATATYPE_NAMES));
    }
  }

  /** Whether the datatype is one of the numbers, which become doubles. */
  static boolean isNumeric(String datatype) {
    return NUMERIC.contains(datatype);
  }

  /** Whether the numbers of the datatype are whole. */
  static boolean isWhole(String datatype) {
    return datatype.startsWith("INT") || datatype.startsWith("UINT");
  }

  /**
   * Checks an input's shape: one or two dimensions, none negative.
   *
   * @throws BadRequestException naming the input otherwise
   */
  static void checkShape(String name, long[] shape) {
    boolean whole = true;
    for (long d : shape) {
      whole &= d >= 0;
    }
    if (shape.length == 0 || shape.length > 2 || !whole) {
      throw new BadRequestException(
          "input '"
              + name
              + "' needs a shape of one or two dimensions ([rows] or [rows, values a row]) of"
              + " whole numbers >= 0, got "
              + Arrays.toString(shape));
    }
  }

  /**
   * Checks that an input's data holds as many values as its shape says.
   *
   * @throws BadRequestException naming both counts otherwise
   */
  static void checkCount(String name, long[] shape, long count) {
    long expected = 1;
    for (long d : shape) {
      expected *= d;
    }
    if (count != expected) {
      throw new BadRequestException(
          "input '"
              + name
              + "' has shape "
              + Arrays.toString(shape)
              + ", "
              + expected
              + " values, but its data holds "
              + count);
    }
  }

  /** Adds a numeric input whose {@code values} are its data, row after row. */
  void addNumbers(String name, long[] shape, double[] values) {
    checkCount(name, shape, values.length);
    int n = (int) shape[0];
    Object[] column = new Object[n];
    if (shape.length == 1) {
      for (int r = 0; r < n; r++) {
        column[r] = values[r];
      }
      add(name, shape, new ColumnBatch.Column(name, ColumnBatch.Kind.DOUBLE, column));
      return;
    }
    int width = (int) shape[1];
    for (int r = 0; r < n; r++) {
      column[r] = Arrays.copyOfRange(values, r * width, (r + 1) * width);
    }
    add(name, shape, new ColumnBatch.Column(name, ColumnBatch.Kind.DOUBLE_ARRAY, column));
  }

  /** Adds a {@code BOOL} or {@code BYTES} input: Booleans or Strings, one a row. */
  void addValues(String name, String datatype, long[] shape, Object[] values) {
    if (shape.length != 1) {
      throw new BadRequestException(
          "input '" + name + "' of datatype " + datatype + " must have one dimension, [rows]");
    }
    checkCount(name, shape, values.length);
    ColumnBatch.Kind kind =
        datatype.equals("BOOL") ? ColumnBatch.Kind.BOOLEAN : ColumnBatch.Kind.STRING;
    add(name, shape, new ColumnBatch.Column(name, kind, values));
  }

  private void add(String name, long[] shape, ColumnBatch.Column column) {
    if (rows >= 0 && shape[0] != rows) {
      throw new BadRequestException(
          "input '"
              + name
              + "' has "
              + shape[0]
              + " rows but input '"
              + firstName
              + "' has "
              + rows);
    }
    rows = shape[0];
    firstName = firstName == null ? name : firstName;
    columns.add(column);
  }

  /**
   * The rows of the inputs added.
   *
   * @throws BadRequestException when there are none, or a name repeats
   */
  ColumnBatch rows() {
    if (columns.isEmpty()) {
      throw new BadRequestException(
          "the request has no \"inputs\": give a list of tensors {name, datatype, shape, data}");
    }
    try {
      return new ColumnBatch(columns);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /**
   * The columns of {@code predictions} a request asked for.
   *
   * @param requested the output names asked for, or empty for every column
   * @throws BadRequestException naming a requested output the model does not give
   */
  static List<ColumnBatch.Column> requested(ColumnBatch predictions, List<String> requested) {
    List<String> names = new ArrayList<>();
    predictions.columns().forEach(c -> names.add(c.name()));
    for (String wanted : requested) {
      if (!names.contains(wanted)) {
        throw new BadRequestException(
            "output '" + wanted + "' is not one the model gives: " + names);
      }
    }
    return predictions.columns().stream()
        .filter(c -> requested.isEmpty() || requested.contains(c.name()))
        .toList();
  }

  /** The protocol's datatype of a column's values. */
  static String datatypeOf(ColumnBatch.Kind kind) {
    return switch (kind) {
      case DOUBLE, DOUBLE_ARRAY -> "FP64";
      case BOOLEAN -> "BOOL";
      case STRING -> "BYTES";
    };
  }

  /** The shape of a column of {@code rows} rows as an output tensor. */
  static long[] shapeOf(ColumnBatch.Column column, int rows) {
    if (column.kind() != ColumnBatch.Kind.DOUBLE_ARRAY) {
      return new long[] {rows};
    }
    int width = rows == 0 || column.get(0) == null ? 0 : ((double[]) column.get(0)).length;
    return new long[] {rows, width};
  }
}
