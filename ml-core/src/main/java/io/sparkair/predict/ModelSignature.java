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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A model file's tensors in a table's terms: which columns feed each input tensor, and which column
 * each output tensor becomes. A {@link ModelFileCheckpoint} keeps one beside the model.
 *
 * <pre>{@code
 * ModelSignature signature = ModelSignature.builder()
 *     .input("features", ModelSignature.DataType.FP32, new long[] {-1, 4}, "a", "b", "c", "d")
 *     .output("probability", "prediction")
 *     .build();
 * }</pre>
 *
 * <p>An input is fed by several numeric columns (one value each per row, in order) or by one array
 * column whose arrays hold a row's values; its shape starts with {@code -1}, the batch, and the
 * product of the other dimensions is the number of values a row gives. An output becomes a double
 * column when it has one value a row, and an array column of doubles otherwise.
 *
 * <p>The class is long because it checks every field, from its builder and from JSON, and names the
 * field that is wrong.
 */
public final class ModelSignature {
  /** The file a checkpoint keeps it in, under {@code model/}. */
  public static final String FILE = "signature.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The element types of input tensors, by the Open Inference Protocol's names. */
  public enum DataType {
    /** 32-bit floating point. */
    FP32,
    /** 64-bit floating point. */
    FP64,
    /** 32-bit signed integer. */
    INT32,
    /** 64-bit signed integer (exact up to 2^53, as the values pass through doubles). */
    INT64
  }

  /**
   * An input tensor.
   *
   * @param name the model's name for it
   * @param datatype its element type
   * @param shape its dimensions, the first {@code -1} (the batch)
   * @param columns the columns that feed it, in order
   */
  public record Input(String name, DataType datatype, List<Long> shape, List<String> columns) {
    /** The number of values one row gives: the product of the dimensions after the batch. */
    public int rowWidth() {
      long width = 1;
      for (int i = 1; i < shape.size(); i++) {
        width *= shape.get(i);
      }
      return (int) width;
    }
  }

  /**
   * An output tensor.
   *
   * @param name the model's name for it (when the model names its outputs, as ONNX does; otherwise
   *     outputs are taken in order)
   * @param column the column it becomes
   */
  public record Output(String name, String column) {}

  private final List<Input> inputs;
  private final List<Output> outputs;

  private ModelSignature(List<Input> inputs, List<Output> outputs) {
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  /** A builder of a signature. */
  public static Builder builder() {
    return new Builder();
  }

  /** The input tensors, in the model's order. */
  public List<Input> inputs() {
    return inputs;
  }

  /** The output tensors that become columns, in order. */
  public List<Output> outputs() {
    return outputs;
  }

  /** The columns this signature reads. */
  public List<String> inputColumns() {
    List<String> columns = new ArrayList<>();
    inputs.forEach(i -> columns.addAll(i.columns()));
    return columns;
  }

  /** This signature as the JSON of {@link #FILE}. */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode in = root.putArray("inputs");
    for (Input input : inputs) {
      ObjectNode node = in.addObject().put("name", input.name());
      node.put("datatype", input.datatype().name());
      input.shape().forEach(node.putArray("shape")::add);
      input.columns().forEach(node.putArray("columns")::add);
    }
    ArrayNode out = root.putArray("outputs");
    outputs.forEach(o -> out.addObject().put("name", o.name()).put("column", o.column()));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a signature written by {@link #toJson}.
   *
   * @throws IllegalArgumentException naming the field that is missing or invalid
   */
  public static ModelSignature fromJson(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("model signature: not JSON: " + e.getMessage(), e);
    }
    Builder builder = builder();
    JsonNode in = root.path("inputs");
    for (int i = 0; i < in.size(); i++) {
      JsonNode node = in.get(i);
      String field = "inputs[" + i + "]";
      builder.input(
          text(node, field, "name"),
          dataType(node.path("datatype"), field + ".datatype"),
          longs(node.path("shape"), field + ".shape"),
          strings(node.path("columns"), field + ".columns"));
    }
    JsonNode out = root.path("outputs");
    for (int i = 0; i < out.size(); i++) {
      String field = "outputs[" + i + "]";
      builder.output(text(out.get(i), field, "name"), text(out.get(i), field, "column"));
    }
    return builder.build();
  }

  private static String text(JsonNode node, String field, String name) {
    JsonNode value = node.path(name);
    if (!value.isTextual()) {
      throw invalid(field + "." + name, "must be a string, got " + value);
    }
    return value.asText();
  }

  private static DataType dataType(JsonNode value, String field) {
    try {
      return DataType.valueOf(value.asText());
    } catch (IllegalArgumentException e) {
      throw invalid(
          field, "must be one of " + Arrays.toString(DataType.values()) + ", got " + value);
    }
  }

  private static long[] longs(JsonNode value, String field) {
    if (!value.isArray()) {
      throw invalid(field, "must be an array of whole numbers, got " + value);
    }
    long[] out = new long[value.size()];
    for (int i = 0; i < out.length; i++) {
      if (!value.get(i).canConvertToLong() || !value.get(i).isIntegralNumber()) {
        throw invalid(field, "must be an array of whole numbers, got " + value);
      }
      out[i] = value.get(i).asLong();
    }
    return out;
  }

  private static String[] strings(JsonNode value, String field) {
    if (!value.isArray()) {
      throw invalid(field, "must be an array of column names, got " + value);
    }
    String[] out = new String[value.size()];
    for (int i = 0; i < out.length; i++) {
      if (!value.get(i).isTextual()) {
        throw invalid(field, "must be an array of column names, got " + value);
      }
      out[i] = value.get(i).asText();
    }
    return out;
  }

  private static IllegalArgumentException invalid(String field, String problem) {
    return new IllegalArgumentException("model signature: field '" + field + "' " + problem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelSignature s && inputs.equals(s.inputs) && outputs.equals(s.outputs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputs, outputs);
  }

  @Override
  public String toString() {
    return "ModelSignature{inputs=" + inputs + ", outputs=" + outputs + "}";
  }

  /** Collects the tensors of a {@link ModelSignature}; {@link #build} checks them. */
  public static final class Builder {
    private final List<Input> inputs = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an input tensor fed by {@code columns}: several numeric columns, one value each a row,
     * or one array column.
     */
    public Builder input(String name, DataType datatype, long[] shape, String... columns) {
      List<Long> dims = new ArrayList<>();
      for (long d : Objects.requireNonNull(shape, "shape")) {
        dims.add(d);
      }
      inputs.add(new Input(name, datatype, dims, Arrays.asList(columns)));
      return this;
    }

    /** Adds an output tensor that becomes {@code column}. */
    public Builder output(String name, String column) {
      outputs.add(new Output(name, column));
      return this;
    }

    /**
     * The signature.
     *
     * @throws IllegalArgumentException naming the first field that is missing or invalid
     */
    public ModelSignature build() {
      if (inputs.isEmpty()) {
        throw invalid("inputs", "is empty: name the tensors the model takes");
      }
      if (outputs.isEmpty()) {
        throw invalid("outputs", "is empty: name the tensors that become columns");
      }
      Set<String> names = new HashSet<>();
      for (int i = 0; i < inputs.size(); i++) {
        check(inputs.get(i), "inputs[" + i + "]");
        if (!names.add(inputs.get(i).name())) {
          throw invalid("inputs[" + i + "].name", "repeats '" + inputs.get(i).name() + "'");
        }
      }
      Set<String> columns = new HashSet<>();
      names.clear();
      for (int i = 0; i < outputs.size(); i++) {
        Output output = outputs.get(i);
        String field = "outputs[" + i + "]";
        if (isBlank(output.name())) {
          throw invalid(field + ".name", "is missing");
        }
        if (!names.add(output.name())) {
          throw invalid(field + ".name", "repeats '" + output.name() + "'");
        }
        if (isBlank(output.column())) {
          throw invalid(field + ".column", "is missing");
        }
        if (!columns.add(output.column())) {
          throw invalid(field + ".column", "repeats '" + output.column() + "'");
        }
      }
      return new ModelSignature(inputs, outputs);
    }

    private static void check(Input input, String field) {
      if (isBlank(input.name())) {
        throw invalid(field + ".name", "is missing");
      }
      if (input.datatype() == null) {
        throw invalid(
            field + ".datatype", "is missing: one of " + Arrays.toString(DataType.values()));
      }
      List<Long> shape = input.shape();
      if (shape.isEmpty() || shape.get(0) != -1) {
        throw invalid(field + ".shape", "must start with -1, the batch dimension, got " + shape);
      }
      for (int d = 1; d < shape.size(); d++) {
        if (shape.get(d) <= 0) {
          throw invalid(field + ".shape", "must have positive dimensions after -1, got " + shape);
        }
      }
      List<String> columns = input.columns();
      if (columns.isEmpty() || columns.stream().anyMatch(ModelSignature::isBlank)) {
        throw invalid(field + ".columns", "must name the columns that feed it, got " + columns);
      }
      if (new HashSet<>(columns).size() != columns.size()) {
        throw invalid(field + ".columns", "names a column twice: " + columns);
      }
      if (columns.size() > 1 && columns.size() != input.rowWidth()) {
        throw invalid(
            field + ".columns",
            "names "
                + columns.size()
                + " columns, but shape "
                + shape
                + " takes "
                + input.rowWidth()
                + " values a row (one column each, or one array column)");
      }
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
