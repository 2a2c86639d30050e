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
import java.util.List;

/** The Open Inference Protocol's JSON tensors (its REST API) as rows, and rows as its tensors. */
final class InferJson {
  private InferJson() {}

  /**
   * The rows of a request's {@code inputs}.
   *
   * @throws BadRequestException naming the input and what is wrong with it
   */
  static ColumnBatch read(JsonNode request) {
    JsonNode inputs = request.path("inputs");
    InferTensors tensors = new InferTensors();
    for (int i = 0; i < inputs.size() && inputs.isArray(); i++) {
      JsonNode tensor = inputs.get(i);
      JsonNode nameNode = tensor.path("name");
      if (!nameNode.isTextual() || nameNode.asText().isEmpty()) {
        throw new BadRequestException("inputs[" + i + "] has no \"name\"");
      }
      String name = nameNode.asText();
      JsonNode datatypeNode = tensor.path("datatype");
      if (!datatypeNode.isTextual()) {
        throw new BadRequestException("input '" + name + "' has no \"datatype\"");
      }
      String datatype = datatypeNode.asText();
      InferTensors.checkDatatype(name, datatype);
      long[] shape = shape(tensor.path("shape"), name);
      JsonNode given = tensor.path("data");
      if (!given.isArray()) {
        throw new BadRequestException("input '" + name + "' has no \"data\" list");
      }
      List<JsonNode> data = new ArrayList<>();
      flatten(given, data);
      if (InferTensors.isNumeric(datatype)) {
        tensors.addNumbers(name, shape, numbers(name, datatype, data));
      } else {
        tensors.addValues(name, datatype, shape, values(name, datatype, data));
      }
    }
    return tensors.rows();
  }

  private static long[] shape(JsonNode node, String name) {
    if (!node.isArray()) {
      throw new BadRequestException("input '" + name + "' has no \"shape\" list");
    }
    long[] shape = new long[node.size()];
    for (int d = 0; d < shape.length; d++) {
      shape[d] = node.get(d).isIntegralNumber() ? node.get(d).asLong() : -1;
    }
    InferTensors.checkShape(name, shape);
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

  private static double[] numbers(String name, String datatype, List<JsonNode> data) {
    boolean whole = InferTensors.isWhole(datatype);
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
    return values;
  }

  private static Object[] values(String name, String datatype, List<JsonNode> data) {
    boolean bool = datatype.equals("BOOL");
    Object[] values = new Object[data.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = data.get(i);
      if (bool ? !v.isBoolean() : !v.isTextual()) {
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
                + (bool ? "true or false" : "a string"));
      }
      values[i] = bool ? v.asBoolean() : v.asText();
    }
    return values;
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
    ArrayNode outputs = response.putArray("outputs");
    for (ColumnBatch.Column column : InferTensors.requested(predictions, requested)) {
      ObjectNode tensor = outputs.addObject();
      describe(tensor, column, predictions.rowCount());
      data(tensor.putArray("data"), column, predictions.rowCount());
    }
    return response;
  }

  /** A column's name, datatype and shape as a tensor of {@code rows} rows. */
  static void describe(ObjectNode tensor, ColumnBatch.Column column, int rows) {
    tensor.put("name", column.name());
    tensor.put("datatype", InferTensors.datatypeOf(column.kind()));
    ArrayNode shape = tensor.putArray("shape");
    for (long d : InferTensors.shapeOf(column, rows)) {
      shape.add(d);
    }
  }

  private static void data(ArrayNode data, ColumnBatch.Column column, int rows) {
    int width =
        (int)
            (column.kind() == ColumnBatch.Kind.DOUBLE_ARRAY
                ? InferTensors.shapeOf(column, rows)[1]
                : 1);
    for (int r = 0; r < rows; r++) {
      Object value = column.get(r);
      if (column.kind() == ColumnBatch.Kind.DOUBLE_ARRAY) {
        double[] row = (double[]) value;
        for (int k = 0; k < width; k++) {
          if (row == null || k >= row.length) {
            data.addNull();
          } else {
            data.add(row[k]);
          }
        }
      } else if (value == null) {
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
}
