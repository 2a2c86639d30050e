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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The Open Inference Protocol's JSON tensors as rows, and rows as its tensors: an input tensor of
 * shape {@code [n]} is a column of {@code n} rows, one of shape {@code [n, k]} a column of arrays
 * of {@code k} numbers; a double column becomes an {@code FP64} output of shape {@code [n]}, an
 * array column one of shape {@code [n, k]}.
 */
final class InferTensors {
  /** The protocol's numeric datatypes; they all become doubles. */
  private static final Set<String> NUMERIC =
      Set.of(
          "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64", "FP16", "FP32",
          "FP64");

  private static final String DATATYPES =
      "BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FP16, FP32, FP64, BYTES";

  private InferTensors() {}

  /**
   * The rows of a request's {@code inputs}.
   *
   * @throws BadRequestException naming the input and what is wrong with it
   */
  static ColumnBatch read(JsonNode request) {
    JsonNode inputs = request.path("inputs");
    if (!inputs.isArray() || inputs.isEmpty()) {
      throw new BadRequestException(
          "the request has no \"inputs\": give a list of tensors {name, datatype, shape, data}");
    }
    List<ColumnBatch.Column> columns = new ArrayList<>();
    String firstName = null;
    long rows = -1;
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode tensor = inputs.get(i);
      JsonNode nameNode = tensor.path("name");
      if (!nameNode.isTextual() || nameNode.asText().isEmpty()) {
        throw new BadRequestException("inputs[" + i + "] has no \"name\"");
      }
      String name = nameNode.asText();
      String datatype = datatype(tensor, name);
      long[] shape = shape(tensor, name);
      List<JsonNode> data = new ArrayList<>();
      JsonNode given = tensor.path("data");
      if (!given.isArray()) {
        throw new BadRequestException("input '" + name + "' has no \"data\" list");
      }
      flatten(given, data);
      long expected = 1;
      for (long d : shape) {
        expected *= d;
      }
      if (data.size() != expected) {
        throw new BadRequestException(
            "input '"
                + name
                + "' has shape "
                + Arrays.toString(shape)
                + ", "
                + expected
                + " values, but its data holds "
                + data.size());
      }
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
      columns.add(column(name, datatype, shape, data));
    }
    try {
      return new ColumnBatch(columns);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static String datatype(JsonNode tensor, String name) {
    JsonNode node = tensor.path("datatype");
    if (!node.isTextual()) {
      throw new BadRequestException(
          "input '" + name + "' has no \"datatype\"; the protocol's are " + DATATYPES);
    }
    String datatype = node.asText();
    if (!NUMERIC.contains(datatype) && !datatype.equals("BOOL") && !datatype.equals("BYTES")) {
      throw new BadRequestException(
          "input '" + name + "' has datatype '" + datatype + "'; the protocol's are " + DATATYPES);
    }
    return datatype;
  }

  private static long[] shape(JsonNode tensor, String name) {
    JsonNode node = tensor.path("shape");
    if (!node.isArray() || node.isEmpty() || node.size() > 2) {
      throw new BadRequestException(
          "input '"
              + name
              + "' needs a \"shape\" of one or two dimensions ([rows] or [rows, values a row]),"
              + " got "
              + node);
    }
    long[] shape = new long[node.size()];
    for (int d = 0; d < shape.length; d++) {
      JsonNode dim = node.get(d);
      if (!dim.isIntegralNumber() || dim.asLong() < 0) {
        throw new BadRequestException(
            "input '" + name + "' has a shape of other than whole numbers >= 0: " + node);
      }
      shape[d] = dim.asLong();
    }
    return shape;
  }

  private static void flatten(JsonNode data, List<JsonNode> into) {
    for (JsonNode value : data) {
      if (value.isArray()) {
        flatten(value, into);
      } else {
        into.add(value);
      }
    }
  }

  private static ColumnBatch.Column column(
      String name, String datatype, long[] shape, List<JsonNode> data) {
    int rows = (int) shape[0];
    if (NUMERIC.contains(datatype)) {
      boolean whole = datatype.startsWith("INT") || datatype.startsWith("UINT");
      double[] values = new double[data.size()];
      for (int i = 0; i < values.length; i++) {
        JsonNode v = data.get(i);
        if (!v.isNumber() || whole && !v.isIntegralNumber()) {
          throw new BadRequestException(
              "input '"
                  + name
                  + "' of datatype "
                  + datatype
                  + " holds "
                  + v
                  + " at "
                  + i
                  + ", not "
                  + (whole ? "a whole number" : "a number"));
        }
        values[i] = v.asDouble();
      }
      if (shape.length == 1) {
        Object[] column = new Object[rows];
        for (int r = 0; r < rows; r++) {
          column[r] = values[r];
        }
        return new ColumnBatch.Column(name, ColumnBatch.Kind.DOUBLE, column);
      }
      int width = (int) shape[1];
      Object[] column = new Object[rows];
      for (int r = 0; r < rows; r++) {
        column[r] = Arrays.copyOfRange(values, r * width, (r + 1) * width);
      }
      return new ColumnBatch.Column(name, ColumnBatch.Kind.DOUBLE_ARRAY, column);
    }
    if (shape.length != 1) {
      throw new BadRequestException(
          "input '" + name + "' of datatype " + datatype + " must have one dimension, [rows]");
    }
    boolean bool = datatype.equals("BOOL");
    Object[] column = new Object[rows];
    for (int r = 0; r < rows; r++) {
      JsonNode v = data.get(r);
      if (bool ? !v.isBoolean() : !v.isTextual()) {
        throw new BadRequestException(
            "input '"
                + name
                + "' of datatype "
                + datatype
                + " holds "
                + v
                + " at "
                + r
                + ", not "
                + (bool ? "true or false" : "a string"));
      }
      column[r] = bool ? v.asBoolean() : v.asText();
    }
    return new ColumnBatch.Column(
        name, bool ? ColumnBatch.Kind.BOOLEAN : ColumnBatch.Kind.STRING, column);
  }

  /**
   * The protocol's response to a request answered with {@code predictions}.
   *
   * @param id the request's {@code id}, or null
   * @param requested the output names the request asked for, or empty for all
   * @throws BadRequestException naming a requested output the model does not give
   */
  static ObjectNode write(
      String model, JsonNode id, ColumnBatch predictions, List<String> requested) {
    ObjectNode response = ConfigMapper.JSON.createObjectNode().put("model_name", model);
    if (id != null && id.isTextual()) {
      response.put("id", id.asText());
    }
    List<String> names = new ArrayList<>();
    predictions.columns().forEach(c -> names.add(c.name()));
    for (String wanted : requested) {
      if (!names.contains(wanted)) {
        throw new BadRequestException(
            "output '" + wanted + "' is not one the model gives: " + names);
      }
    }
    ArrayNode outputs = response.putArray("outputs");
    for (ColumnBatch.Column column : predictions.columns()) {
      if (requested.isEmpty() || requested.contains(column.name())) {
        output(outputs.addObject(), column, predictions.rowCount());
      }
    }
    return response;
  }

  /** A column as an output tensor, or (with no rows) its description. */
  static void output(ObjectNode tensor, ColumnBatch.Column column, int rows) {
    tensor.put("name", column.name());
    tensor.put("datatype", datatypeOf(column.kind()));
    ArrayNode shape = tensor.putArray("shape").add(rows);
    ArrayNode data = tensor.putArray("data");
    if (column.kind() == ColumnBatch.Kind.DOUBLE_ARRAY) {
      int width = rows == 0 || column.get(0) == null ? 0 : ((double[]) column.get(0)).length;
      shape.add(width);
      for (int r = 0; r < rows; r++) {
        double[] row = (double[]) column.get(r);
        for (int k = 0; k < width; k++) {
          if (row == null || k >= row.length) {
            data.addNull();
          } else {
            data.add(row[k]);
          }
        }
      }
      return;
    }
    for (int r = 0; r < rows; r++) {
      Object value = column.get(r);
      if (value == null) {
        data.addNull();
      } else if (value instanceof Double d) {
        data.add(d);
      } else if (value instanceof Boolean b) {
        data.add(b);
      } else {
        data.add(value.toString());
      }
    }
  }

  /** The protocol's datatype of a column's values. */
  static String datatypeOf(ColumnBatch.Kind kind) {
    return switch (kind) {
      case DOUBLE, DOUBLE_ARRAY -> "FP64";
      case BOOLEAN -> "BOOL";
      case STRING -> "BYTES";
    };
  }
}
