package io.sparkair.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@link HttpAdapter}s. Values are JSON numbers, booleans, strings, arrays of
 * numbers or null; a column's values must all be of one of these types.
 *
 * <ul>
 *   <li>{@link #records()} (the default, {@code "records"}): a JSON array of row objects, the
 *       shape of pandas' {@code read_json} and of the Ray AIR seeds' requests, or an object of
 *       equally long column arrays; the answer is an array of prediction objects, one per row in
 *       request order.
 *   <li>{@link #columns()} ({@code "columns"}): only the object of column arrays; answers as
 *       records.
 *   <li>{@link #singleObject()} ({@code "object"}): one row as one object; the answer is one
 *       prediction object.
 * </ul>
 */
public final class HttpAdapters {
  private HttpAdapters() {}

  /** Records or columns in, records out. */
  public static HttpAdapter records() {
    return new Adapter("records") {
      @Override
      public ColumnBatch read(JsonNode body) {
        if (body.isArray()) {
          return fromRecords(body);
        }
        if (body.isObject()) {
          return fromColumns(body);
        }
        throw new BadRequestException("the body must be a JSON array of row objects or an "
            + "object of column arrays, got " + kind(body));
      }
    };
  }

  /** Columns in, records out. */
  public static HttpAdapter columns() {
    return new Adapter("columns") {
      @Override
      public ColumnBatch read(JsonNode body) {
        if (!body.isObject()) {
          throw new BadRequestException("the body must be a JSON object of column arrays, got "
              + kind(body));
        }
        return fromColumns(body);
      }
    };
  }

  /** One row object in, one prediction object out. */
  public static HttpAdapter singleObject() {
    return new Adapter("object") {
      @Override
      public ColumnBatch read(JsonNode body) {
        if (!body.isObject()) {
          throw new BadRequestException("the body must be one JSON object (one row), got "
              + kind(body));
        }
        return fromRecords(ConfigMapper.JSON.createArrayNode().add(body));
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
        throw new IllegalArgumentException("unknown HTTP adapter '" + name + "'; the adapters "
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

  private static ColumnBatch fromRecords(JsonNode rows) {
    int n = rows.size();
    Map<String, Object[]> values = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      JsonNode row = rows.get(r);
      if (!row.isObject()) {
        throw new BadRequestException("row " + r + " must be a JSON object, got " + kind(row));
      }
      Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        values.computeIfAbsent(field.getKey(), k -> new Object[n])[r] = field.getValue();
      }
    }
    List<ColumnBatch.Column> columns = new ArrayList<>();
    values.forEach((name, nodes) -> columns.add(column(name, nodes)));
    return new ColumnBatch(columns);
  }

  private static ColumnBatch fromColumns(JsonNode object) {
    List<ColumnBatch.Column> columns = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode array = field.getValue();
      if (!array.isArray()) {
        throw new BadRequestException("column '" + field.getKey() + "' must be a JSON array of "
            + "values, got " + kind(array));
      }
      Object[] nodes = new Object[array.size()];
      for (int i = 0; i < nodes.length; i++) {
        nodes[i] = array.get(i);
      }
      columns.add(column(field.getKey(), nodes));
    }
    try {
      return new ColumnBatch(columns);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /** A column of JSON values (nodes, or null where a row lacks the field). */
  private static ColumnBatch.Column column(String name, Object[] nodes) {
    ColumnBatch.Kind kind = null;
    Object[] values = new Object[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      JsonNode node = (JsonNode) nodes[i];
      if (node == null || node.isNull()) {
        continue;
      }
      ColumnBatch.Kind k = kindOf(name, node);
      if (kind == null) {
        kind = k;
      } else if (kind != k) {
        throw new BadRequestException("column '" + name + "' mixes types: "
            + kind.name().toLowerCase(java.util.Locale.ROOT) + " and "
            + k.name().toLowerCase(java.util.Locale.ROOT) + " (row " + i + ")");
      }
      values[i] = value(k, node);
    }
    return new ColumnBatch.Column(name, kind == null ? ColumnBatch.Kind.DOUBLE : kind, values);
  }

  private static ColumnBatch.Kind kindOf(String name, JsonNode node) {
    if (node.isNumber()) {
      return ColumnBatch.Kind.DOUBLE;
    }
    if (node.isBoolean()) {
      return ColumnBatch.Kind.BOOLEAN;
    }
    if (node.isTextual()) {
      return ColumnBatch.Kind.STRING;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (!element.isNumber()) {
          throw new BadRequestException("column '" + name + "' holds an array with "
              + kind(element) + "; arrays must hold numbers");
        }
      }
      return ColumnBatch.Kind.DOUBLE_ARRAY;
    }
    throw new BadRequestException("column '" + name + "' holds " + kind(node)
        + "; values must be numbers, booleans, strings or arrays of numbers");
  }

  private static Object value(ColumnBatch.Kind kind, JsonNode node) {
    switch (kind) {
      case DOUBLE:
        return node.doubleValue();
      case BOOLEAN:
        return node.booleanValue();
      case STRING:
        return node.textValue();
      default:
        double[] array = new double[node.size()];
        for (int k = 0; k < array.length; k++) {
          array[k] = node.get(k).doubleValue();
        }
        return array;
    }
  }

  private static String kind(JsonNode node) {
    return node.isObject() ? "an object" : node.isArray() ? "an array"
        : node.isTextual() ? "a string" : node.isNumber() ? "a number"
        : node.isBoolean() ? "a boolean" : "null";
  }
}
