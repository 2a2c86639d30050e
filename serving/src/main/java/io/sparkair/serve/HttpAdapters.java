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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in {@link HttpAdapter}s. Values are JSON numbers, booleans, strings, arrays of numbers
 * or null; a column's values must all be of one of these types.
 *
 * <ul>
 *   <li>{@link #records()} (the default, {@code "records"}): a JSON array of row objects, the shape
 *       of pandas' {@code read_json} and of the Ray AIR seeds' requests, or an object of equally
 *       long column arrays; the answer is an array of prediction objects, one per row in request
 *       order.
 *   <li>{@link #columns()} ({@code "columns"}): only the object of column arrays; answers as
 *       records.
 *   <li>{@link #singleObject()} ({@code "object"}): one row as one object; the answer is one
 *       prediction object.
 * </ul>
 *
 * <p>The class is long because it holds every request and response shape of the HTTP routes, each a
 * short documented method, so the wire format is read in one file.
 */
public final class HttpAdapters {
  private HttpAdapters() {}

  /** Records or columns in, records out. */
  public static HttpAdapter records() {
    return new Adapter("records") {
      @Override
      public ColumnBatch read(JsonParser body) throws IOException {
        if (body.currentToken() == JsonToken.START_ARRAY) {
          return fromRecords(body);
        }
        if (body.currentToken() == JsonToken.START_OBJECT) {
          return fromColumns(body);
        }
        throw new BadRequestException(
            "the body must be a JSON array of row objects or an "
                + "object of column arrays, got "
                + kind(body.currentToken()));
      }
    };
  }

  /** Columns in, records out. */
  public static HttpAdapter columns() {
    return new Adapter("columns") {
      @Override
      public ColumnBatch read(JsonParser body) throws IOException {
        if (body.currentToken() != JsonToken.START_OBJECT) {
          throw new BadRequestException(
              "the body must be a JSON object of column arrays, got " + kind(body.currentToken()));
        }
        return fromColumns(body);
      }
    };
  }

  /** One row object in, one prediction object out. */
  public static HttpAdapter singleObject() {
    return new Adapter("object") {
      @Override
      public ColumnBatch read(JsonParser body) throws IOException {
        if (body.currentToken() != JsonToken.START_OBJECT) {
          throw new BadRequestException(
              "the body must be one JSON object (one row), got " + kind(body.currentToken()));
        }
        Map<String, ColumnBuilder> columns = new LinkedHashMap<>();
        readRow(body, 0, columns);
        return build(columns.values(), 1);
      }

      @Override
      public void write(ColumnBatch predictions, JsonGenerator out) throws IOException {
        writeRow(predictions, 0, out);
      }
    };
  }

  /**
   * The adapter named {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static HttpAdapter byName(String name) {
    switch (name) {
      case "records":
        return records();
      case "columns":
        return columns();
      case "object":
        return singleObject();
      default:
        throw new IllegalArgumentException(
            "unknown HTTP adapter '"
                + name
                + "'; the adapters "
                + "are records, columns and object");
    }
  }

  /** An adapter that answers with records. */
  private abstract static class Adapter implements HttpAdapter {
    private final String name;

    Adapter(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void write(ColumnBatch predictions, JsonGenerator out) throws IOException {
      out.writeStartArray();
      for (int row = 0; row < predictions.rowCount(); row++) {
        writeRow(predictions, row, out);
      }
      out.writeEndArray();
    }
  }

  private static void writeRow(ColumnBatch predictions, int row, JsonGenerator out)
      throws IOException {
    out.writeStartObject();
    for (ColumnBatch.Column column : predictions.columns()) {
      out.writeFieldName(column.name());
      Object v = column.get(row);
      if (v == null) {
        out.writeNull();
      } else if (v instanceof Double) {
        out.writeNumber((Double) v);
      } else if (v instanceof Boolean) {
        out.writeBoolean((Boolean) v);
      } else if (v instanceof double[]) {
        double[] array = (double[]) v;
        out.writeArray(array, 0, array.length);
      } else {
        out.writeString(v.toString());
      }
    }
    out.writeEndObject();
  }

  /** The row objects of the array the parser is on. */
  private static ColumnBatch fromRecords(JsonParser p) throws IOException {
    Map<String, ColumnBuilder> columns = new LinkedHashMap<>();
    int row = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw new BadRequestException("row " + row + " must be a JSON object, got " + kind(t));
      }
      readRow(p, row++, columns);
    }
    return build(columns.values(), row);
  }

  /** The fields of the object the parser is on, as row {@code row} of {@code columns}. */
  private static void readRow(JsonParser p, int row, Map<String, ColumnBuilder> columns)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      ColumnBuilder column = columns.get(name);
      if (column == null) {
        column = new ColumnBuilder(name);
        columns.put(name, column);
      }
      p.nextToken();
      column.read(p, row);
    }
  }

  /** The column arrays of the object the parser is on. */
  private static ColumnBatch fromColumns(JsonParser p) throws IOException {
    List<ColumnBuilder> columns = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      ColumnBuilder column = new ColumnBuilder(p.currentName());
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_ARRAY) {
        throw new BadRequestException(
            "column '" + column.name + "' must be a JSON array of " + "values, got " + kind(t));
      }
      int row = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        column.read(p, row++);
      }
      column.rows = row;
      columns.add(column);
    }
    try {
      return new ColumnBatch(
          columns.stream().map(c -> c.build(c.rows)).collect(java.util.stream.Collectors.toList()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static ColumnBatch build(Iterable<ColumnBuilder> builders, int rows) {
    List<ColumnBatch.Column> columns = new ArrayList<>();
    builders.forEach(c -> columns.add(c.build(rows)));
    return new ColumnBatch(columns);
  }

  /**
   * The values of one column as they are read: its kind is its first non-null value's, and rows it
   * is not given are null.
   */
  private static final class ColumnBuilder {
    final String name;
    ColumnBatch.Kind kind;
    Object[] values = new Object[1];
    int rows;

    ColumnBuilder(String name) {
      this.name = name;
    }

    /** Reads the value the parser is on as row {@code row}. */
    void read(JsonParser p, int row) throws IOException {
      if (row >= values.length) {
        values = Arrays.copyOf(values, Math.max(row + 1, values.length * 2));
      }
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        values[row] = null;
        return;
      }
      ColumnBatch.Kind k = kindOf(t);
      if (kind == null) {
        kind = k;
      } else if (kind != k) {
        throw new BadRequestException(
            "column '"
                + name
                + "' mixes types: "
                + kind.name().toLowerCase(Locale.ROOT)
                + " and "
                + k.name().toLowerCase(Locale.ROOT)
                + " (row "
                + row
                + ")");
      }
      values[row] = value(p, k);
    }

    private ColumnBatch.Kind kindOf(JsonToken t) {
      switch (t) {
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return ColumnBatch.Kind.DOUBLE;
        case VALUE_TRUE:
        case VALUE_FALSE:
          return ColumnBatch.Kind.BOOLEAN;
        case VALUE_STRING:
          return ColumnBatch.Kind.STRING;
        case START_ARRAY:
          return ColumnBatch.Kind.DOUBLE_ARRAY;
        default:
          throw new BadRequestException(
              "column '"
                  + name
                  + "' holds "
                  + kind(t)
                  + "; values must be numbers, booleans, strings or arrays of numbers");
      }
    }

    private Object value(JsonParser p, ColumnBatch.Kind k) throws IOException {
      switch (k) {
        case DOUBLE:
          return p.getDoubleValue();
        case BOOLEAN:
          return p.getBooleanValue();
        case STRING:
          return p.getText();
        default:
          double[] array = new double[8];
          int n = 0;
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
              throw new BadRequestException(
                  "column '"
                      + name
                      + "' holds an array with "
                      + kind(t)
                      + "; arrays must hold numbers");
            }
            if (n == array.length) {
              array = Arrays.copyOf(array, n * 2);
            }
            array[n++] = p.getDoubleValue();
          }
          return Arrays.copyOf(array, n);
      }
    }

    ColumnBatch.Column build(int count) {
      return new ColumnBatch.Column(
          name,
          kind == null ? ColumnBatch.Kind.DOUBLE : kind,
          values.length == count ? values : Arrays.copyOf(values, count));
    }
  }

  private static String kind(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      default:
        return "null";
    }
  }
}
