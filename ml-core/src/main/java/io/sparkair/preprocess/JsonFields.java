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
package io.sparkair.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The named fields of one preprocessor's JSON object, read with their expected types. Every failure
 * is an {@link IllegalArgumentException} naming the field and the preprocessor's type. A field is
 * optional unless its method says required; an optional field that is absent or null reads as the
 * given default (or null). The static methods write the same shapes.
 *
 * <p>The class is long because it reads and writes every field type the preprocessors persist, each
 * with the check that names the bad field; keeping reading and writing side by side keeps them in
 * step.
 */
final class JsonFields {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity");

  private final JsonNode json;
  private final String type;

  JsonFields(JsonNode json, String type) {
    this.json = json;
    this.type = type;
  }

  /** A required, non-empty list of distinct column names. */
  List<String> columns(String field) {
    List<String> columns = strings(required(field), field);
    return valid(field, () -> AbstractPreprocessor.checkColumns(type, columns));
  }

  /** An optional list of strings. */
  List<String> strings(String field) {
    JsonNode node = optional(field);
    return node == null ? null : strings(node, field);
  }

  /** An optional string. */
  String string(String field, String absent) {
    JsonNode node = optional(field);
    if (node == null) {
      return absent;
    }
    if (!node.isTextual()) {
      throw wrongType(field, "a string", node);
    }
    return node.textValue();
  }

  /** An optional number; {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} included. */
  double number(String field, double absent) {
    JsonNode node = optional(field);
    return node == null ? absent : number(node, field);
  }

  /** A constant of an enum by its name; required when {@code absent} is null. */
  <E extends Enum<E>> E constant(String field, Class<E> enumType, E absent) {
    JsonNode node = absent == null ? required(field) : optional(field);
    if (node == null) {
      return absent;
    }
    E[] constants = enumType.getEnumConstants();
    for (E constant : constants) {
      if (node.isTextual() && constant.name().equals(node.textValue())) {
        return constant;
      }
    }
    throw wrongType(field, "one of " + Arrays.toString(constants), node);
  }

  /** An optional object of numbers, in the order written; null when absent. */
  LinkedHashMap<String, Double> numbers(String field) {
    return map(field, this::number);
  }

  /** An optional object of whole numbers that fit an int; null when absent. */
  LinkedHashMap<String, Integer> integers(String field) {
    return map(
        field,
        (node, name) -> {
          if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(name, "a whole number", node);
          }
          return node.intValue();
        });
  }

  /** An optional object of values (see {@link #value(String)}), null ones included. */
  LinkedHashMap<String, Object> values(String field) {
    return map(field, (node, name) -> node.isNull() ? null : value(node, name));
  }

  /** An optional object of lists of non-null values (see {@link #value(String)}). */
  LinkedHashMap<String, List<Object>> valueLists(String field) {
    String expected = "an array of strings, numbers or booleans";
    return map(
        field,
        (node, name) -> {
          if (!node.isArray()) {
            throw wrongType(name, expected, node);
          }
          List<Object> values = new ArrayList<>();
          for (JsonNode element : node) {
            if (!element.isValueNode() || element.isNull()) {
              throw wrongType(name, expected, node);
            }
            values.add(value(element, name));
          }
          return values;
        });
  }

  /**
   * An optional string, number or boolean: a whole number as an {@link Integer} when it fits (else
   * a {@link Long} or {@link BigInteger}), another number as a {@link Double}.
   */
  Object value(String field) {
    JsonNode node = optional(field);
    return node == null ? null : value(node, field);
  }

  /** Required bytes, written as base64. */
  byte[] bytes(String field) {
    JsonNode node = required(field);
    if (!node.isTextual()) {
      throw wrongType(field, "a base64 string", node);
    }
    try {
      return node.binaryValue();
    } catch (IOException e) {
      throw invalid(field, "it is not base64: " + e.getMessage());
    }
  }

  /** A required, non-empty array of preprocessors. */
  List<Preprocessor> preprocessors(String field) {
    JsonNode node = required(field);
    if (!node.isArray() || node.isEmpty()) {
      throw wrongType(field, "a non-empty array of preprocessors", node);
    }
    List<Preprocessor> preprocessors = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isObject()) {
        throw wrongType(field, "an array of preprocessor objects", element);
      }
      preprocessors.add(PreprocessorParser.fromJson(element));
    }
    return preprocessors;
  }

  /** What {@code check} returns; an {@link IllegalArgumentException} it throws names the field. */
  <T> T valid(String field, Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix(field) + " is invalid: " + e.getMessage(), e);
    }
  }

  /** Runs {@code check}; an {@link IllegalArgumentException} it throws names the field. */
  void check(String field, Runnable check) {
    valid(
        field,
        () -> {
          check.run();
          return null;
        });
  }

  /** A failure of this field for another reason than its type. */
  IllegalArgumentException invalid(String field, String problem) {
    return new IllegalArgumentException(prefix(field) + " is invalid: " + problem);
  }

  private JsonNode required(String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException(prefix(field) + " is missing");
    }
    return node;
  }

  private JsonNode optional(String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? null : node;
  }

  private <V> LinkedHashMap<String, V> map(String field, BiFunction<JsonNode, String, V> read) {
    JsonNode node = optional(field);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw wrongType(field, "an object", node);
    }
    LinkedHashMap<String, V> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      map.put(entry.getKey(), read.apply(entry.getValue(), field + "." + entry.getKey()));
    }
    return map;
  }

  private List<String> strings(JsonNode node, String field) {
    if (!node.isArray()) {
      throw wrongType(field, "an array of strings", node);
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw wrongType(field, "an array of strings", node);
      }
      strings.add(element.textValue());
    }
    return strings;
  }

  private double number(JsonNode node, String field) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual() && NON_FINITE.contains(node.textValue())) {
      return Double.parseDouble(node.textValue());
    }
    throw wrongType(field, "a number", node);
  }

  private Object value(JsonNode node, String field) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.numberValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    throw wrongType(field, "a string, number or boolean", node);
  }

  private IllegalArgumentException wrongType(String field, String expected, JsonNode actual) {
    return new IllegalArgumentException(prefix(field) + " must be " + expected + ", got " + actual);
  }

  private String prefix(String field) {
    return "preprocessor JSON: field '" + field + "' of " + type;
  }

  /** Writes a list of strings, or null. */
  static void putStrings(ObjectNode json, String field, List<String> strings) {
    if (strings == null) {
      json.putNull(field);
    } else {
      ArrayNode array = json.putArray(field);
      strings.forEach(array::add);
    }
  }

  /** Writes an object of the map's entries, each value as {@code write} makes it, or null. */
  static <V> void putMap(
      ObjectNode json, String field, Map<String, V> map, Function<V, JsonNode> write) {
    if (map == null) {
      json.putNull(field);
    } else {
      ObjectNode object = json.putObject(field);
      map.forEach((key, value) -> object.set(key, write.apply(value)));
    }
  }

  /** An array of values, each as {@link #valueNode} makes it. */
  static JsonNode valueArray(List<Object> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(value -> array.add(valueNode(value)));
    return array;
  }

  /** A string, number, boolean or null as JSON. */
  static JsonNode valueNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof String) {
      return NODES.textNode((String) value);
    } else if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).intValue());
    } else if (value instanceof Long) {
      return NODES.numberNode((Long) value);
    } else if (value instanceof BigInteger) {
      return NODES.numberNode((BigInteger) value);
    } else if (value instanceof BigDecimal) {
      return NODES.numberNode((BigDecimal) value);
    } else if (value instanceof Float) {
      return NODES.numberNode((Float) value);
    } else if (value instanceof Number) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    throw new IllegalArgumentException(
        "cannot write "
            + value
            + " (a "
            + value.getClass().getName()
            + ") as a preprocessor JSON value");
  }
}
