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

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Open Inference Protocol's JSON (its REST API), read and written as a stream: a request's
 * {@code id}, {@code inputs} and requested {@code outputs}, and the response's tensors.
 *
 * <p>The class is long because it reads the request field by field as a stream (a tree cost a tenth
 * of the route's throughput, see BENCHMARKS.md), in whatever order JSON gives the fields.
 */
final class InferJson {
  private InferJson() {}

  /** What a request asks: its rows, its id (or null) and the outputs it names (empty: all). */
  record Request(ColumnBatch rows, String id, List<String> outputs) {}

  /**
   * Reads a request whose first token the parser is at.
   *
   * @throws BadRequestException naming what is wrong: the shape of the request, an input's
   *     datatype, shape or data
   */
  static Request read(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new BadRequestException("the request is not a JSON object {\"inputs\": [...]}");
    }
    InferTensors tensors = new InferTensors();
    Data data = new Data();
    String id = null;
    List<String> outputs = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "id" -> id = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "inputs" -> {
          if (value != JsonToken.START_ARRAY) {
            throw new BadRequestException("\"inputs\" must be a list of tensors");
          }
          for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            readInput(p, i, tensors, data);
          }
        }
        case "outputs" -> readOutputs(p, value, outputs);
        default -> p.skipChildren();
      }
    }
    return new Request(tensors.rows(), id, outputs);
  }

  private static void readOutputs(JsonParser p, JsonToken value, List<String> into)
      throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw new BadRequestException("\"outputs\" must be a list of {\"name\": ...}");
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String name = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("name") && v == JsonToken.VALUE_STRING) {
          name = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (name == null) {
        throw new BadRequestException("\"outputs\" must be a list of {\"name\": ...}");
      }
      into.add(name);
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw new BadRequestException("\"outputs\" must be a list of {\"name\": ...}");
    }
  }

  private static void readInput(JsonParser p, int index, InferTensors tensors, Data data)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new BadRequestException("inputs[" + index + "] is not a tensor object");
    }
    String name = null;
    String datatype = null;
    long[] shape = null;
    boolean hasData = false;
    for (int expected = 0; ; expected++) {
      String field;
      if (expected >= FIELDS.length) {
        field = p.nextFieldName();
      } else if (p.nextFieldName(FIELDS[expected])) {
        field = FIELDS[expected].getValue();
      } else {
        field = p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
      }
      if (field == null) {
        break;
      }
      JsonToken value = p.nextToken();
      switch (field) {
        case "name" -> name = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "datatype" -> datatype = value == JsonToken.VALUE_STRING ? datatype(p) : null;
        case "shape" -> shape = shape(p, value);
        case "data" -> {
          if (value == JsonToken.START_ARRAY) {
            data.clear();
            data.read(p);
            hasData = true;
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    if (name == null || name.isEmpty()) {
      throw new BadRequestException("inputs[" + index + "] has no \"name\"");
    }
    if (datatype == null) {
      throw new BadRequestException("input '" + name + "' has no \"datatype\"");
    }
    InferTensors.checkDatatype(name, datatype);
    if (shape == null) {
      throw new BadRequestException("input '" + name + "' has no \"shape\" list");
    }
    InferTensors.checkShape(name, shape);
    if (!hasData) {
      throw new BadRequestException("input '" + name + "' has no \"data\" list");
    }
    if (InferTensors.isNumeric(datatype)) {
      tensors.addNumbers(name, shape, data.numbers(name, datatype));
    } else {
      tensors.addValues(name, datatype, shape, data.values(name, datatype));
    }
  }

  /**
   * A tensor's fields in the order of the protocol's specification, which its clients follow,
   * matched as bytes before any parsing; fields in another order are read too.
   */
  private static final SerializedString[] FIELDS = {
    new SerializedString("name"),
    new SerializedString("shape"),
    new SerializedString("datatype"),
    new SerializedString("data")
  };

  /** The datatype the parser is at: one of the protocol's names as a constant, or its text. */
  private static String datatype(JsonParser p) throws IOException {
    char[] text = p.getTextCharacters();
    int from = p.getTextOffset();
    int length = p.getTextLength();
    for (String known : InferTensors.DATATYPE_NAMES) {
      if (known.length() == length && known.contentEquals(CharBuffer.wrap(text, from, length))) {
        return known;
      }
    }
    return p.getText();
  }

  private static long[] shape(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    long[] dims = new long[4];
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (n == dims.length) {
        dims = Arrays.copyOf(dims, n * 2);
      }
      dims[n++] = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
      p.skipChildren();
    }
    return Arrays.copyOf(dims, n);
  }

  /**
   * A tensor's data as read, nested lists flattened, before its datatype is known (JSON does not
   * order an object's fields): numbers as doubles, other values as themselves.
   */
  private static final class Data {
    private static final byte WHOLE = 0;
    private static final byte FRACTION = 1;
    private static final byte OTHER = 2;

    private double[] numbers = new double[16];
    private byte[] kinds = new byte[16];
    private Object[] others = new Object[16];
    private int count;

    /** Forgets the values read, keeping the arrays for the next tensor. */
    void clear() {
      Arrays.fill(others, 0, count, null);
      count = 0;
    }

    void read(JsonParser p) throws IOException {
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == JsonToken.START_ARRAY) {
          read(p);
          continue;
        }
        if (count == numbers.length) {
          numbers = Arrays.copyOf(numbers, count * 2);
          kinds = Arrays.copyOf(kinds, count * 2);
          others = Arrays.copyOf(others, count * 2);
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          numbers[count] = p.getDoubleValue();
          kinds[count] = t == JsonToken.VALUE_NUMBER_INT ? WHOLE : FRACTION;
        } else {
          kinds[count] = OTHER;
          others[count] =
              switch (t) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_STRING -> p.getText();
                default -> {
                  p.skipChildren();
                  yield null;
                }
              };
        }
        count++;
      }
    }

    double[] numbers(String name, String datatype) {
      boolean whole = InferTensors.isWhole(datatype);
      for (int i = 0; i < count; i++) {
        if (kinds[i] == OTHER || whole && kinds[i] == FRACTION) {
          throw refused(name, datatype, i, whole ? "a whole number" : "a number");
        }
      }
      return Arrays.copyOf(numbers, count);
    }

    Object[] values(String name, String datatype) {
      boolean bool = datatype.equals("BOOL");
      for (int i = 0; i < count; i++) {
        Object v = kinds[i] == OTHER ? others[i] : null;
        if (bool ? !(v instanceof Boolean) : !(v instanceof String)) {
          throw refused(name, datatype, i, bool ? "true or false" : "a string");
        }
      }
      return Arrays.copyOf(others, count);
    }

    private BadRequestException refused(String name, String datatype, int i, String wanted) {
      return new BadRequestException(
          "input '"
              + name
              + "' of datatype "
              + datatype
              + " holds "
              + text(i)
              + " at "
              + i
              + ", not "
              + wanted);
    }

    private String text(int i) {
      return switch (kinds[i]) {
        case WHOLE -> Long.toString((long) numbers[i]);
        case FRACTION -> Double.toString(numbers[i]);
        default -> others[i] instanceof String s ? "\"" + s + "\"" : String.valueOf(others[i]);
      };
    }
  }

  /**
   * Writes the protocol's response to a request answered with {@code predictions}.
   *
   * @param id the request's {@code id}, or null
   * @param requested the output names the request asked for, or empty for all
   * @throws BadRequestException naming a requested output the model does not give
   */
  static void write(
      JsonGenerator out, String model, String id, ColumnBatch predictions, List<String> requested)
      throws IOException {
    List<ColumnBatch.Column> columns = InferTensors.requested(predictions, requested);
    int rows = predictions.rowCount();
    out.writeStartObject();
    out.writeStringField("model_name", model);
    if (id != null) {
      out.writeStringField("id", id);
    }
    out.writeArrayFieldStart("outputs");
    for (ColumnBatch.Column column : columns) {
      long[] shape = InferTensors.shapeOf(column, rows);
      out.writeStartObject();
      out.writeStringField("name", column.name());
      out.writeStringField("datatype", InferTensors.datatypeOf(column.kind()));
      out.writeArrayFieldStart("shape");
      for (long d : shape) {
        out.writeNumber(d);
      }
      out.writeEndArray();
      out.writeArrayFieldStart("data");
      for (int r = 0; r < rows; r++) {
        Object value = column.get(r);
        if (column.kind() == ColumnBatch.Kind.DOUBLE_ARRAY) {
          double[] row = (double[]) value;
          for (int k = 0; k < shape[1]; k++) {
            if (row == null || k >= row.length) {
              out.writeNull();
            } else {
              out.writeNumber(row[k]);
            }
          }
        } else if (value == null) {
          out.writeNull();
        } else if (value instanceof Double d) {
          out.writeNumber(d);
        } else if (value instanceof Boolean b) {
          out.writeBoolean(b);
        } else {
          out.writeString(value.toString());
        }
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }
}
