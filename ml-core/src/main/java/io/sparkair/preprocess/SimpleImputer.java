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

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Fills the nulls of the named columns. Strategies, as Ray's: {@code mean} (statistic {@code
 * mean(C)}), {@code most_frequent} (statistic {@code most_frequent(C)}; a tie goes to the smaller
 * value) and {@code constant} (the fill value; nothing to fit). Numeric columns come out as
 * doubles, string columns as strings.
 */
public final class SimpleImputer extends FittablePreprocessor<ColumnStats<SimpleImputer.Partial>> {
  private static final long serialVersionUID = 1L;
  private static final String COLUMNS = "columns";
  private static final String STRATEGY = "strategy";
  private static final String FILL_VALUE = "fillValue";
  private static final String STATS = "stats";

  /** How the fill value of a column is chosen. */
  public enum Strategy {
    /** The mean of the column's non-null values. */
    MEAN,
    /** The column's most frequent non-null value. */
    MOST_FREQUENT,
    /** A given value. */
    CONSTANT;

    /**
     * The strategy named as Ray names it: {@code mean}, {@code most_frequent}, {@code constant}.
     */
    public static Strategy of(String name) {
      for (Strategy s : values()) {
        if (s.name().equalsIgnoreCase(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "unknown imputation strategy '" + name + "'; use mean, most_frequent or constant");
    }
  }

  /** The partial statistics of one column. */
  static final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;
    final Moments moments = new Moments();
    final Counts counts = new Counts();
  }

  /** The columns this imputer fills. */
  private List<String> columns;

  /** How the fill value of a column is chosen. */
  private Strategy strategy;

  /** The value for {@link Strategy#CONSTANT}, or null. */
  private Object fillValue;

  /** The fitted fill values by statistic name, or null before fitting. */
  private LinkedHashMap<String, Object> stats;

  SimpleImputer() {}

  /** An imputer of the named columns by their mean. */
  public SimpleImputer(List<String> columns) {
    this(columns, Strategy.MEAN, null);
  }

  /**
   * An imputer of the named columns.
   *
   * @param fillValue the value for {@link Strategy#CONSTANT}: a number or a string
   */
  public SimpleImputer(List<String> columns, Strategy strategy, Object fillValue) {
    this.columns = checkColumns("SimpleImputer", columns);
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    if (strategy == Strategy.CONSTANT
        && !(fillValue instanceof Number || fillValue instanceof String)) {
      throw new IllegalArgumentException(
          "the constant strategy needs a number or a string to " + "fill with, got " + fillValue);
    }
    this.fillValue = strategy == Strategy.CONSTANT ? fillValue : null;
  }

  /** An imputer of the named columns by their mean. */
  public SimpleImputer(String... columns) {
    this(Arrays.asList(columns));
  }

  @Override
  void writeFields(ObjectNode json) {
    JsonFields.putStrings(json, COLUMNS, columns);
    json.put(STRATEGY, strategy.name());
    json.set(FILL_VALUE, JsonFields.valueNode(fillValue));
    JsonFields.putMap(json, STATS, stats, JsonFields::valueNode);
  }

  @Override
  void readFields(JsonFields json) {
    columns = json.columns(COLUMNS);
    strategy = json.constant(STRATEGY, Strategy.class, null);
    if (strategy == Strategy.CONSTANT) {
      fillValue = json.value(FILL_VALUE);
      if (!(fillValue instanceof Number || fillValue instanceof String)) {
        throw json.invalid(FILL_VALUE, "the constant strategy needs a number or a string");
      }
      return;
    }
    LinkedHashMap<String, Object> fitted;
    if (strategy == Strategy.MEAN) {
      LinkedHashMap<String, Double> means = json.numbers(STATS);
      fitted = means == null ? null : new LinkedHashMap<>(means);
    } else {
      fitted = json.values(STATS);
    }
    if (fitted != null) {
      for (String column : columns) {
        if (!fitted.containsKey(statistic(column))) {
          throw json.invalid(STATS, "no statistic '" + statistic(column) + "'");
        }
      }
      fitted.replaceAll((name, value) -> Columns.normalize(value));
      stats = fitted;
    }
  }

  @Override
  public Map<String, Object> stats() {
    return stats == null ? Map.of() : Collections.unmodifiableMap(stats);
  }

  @Override
  public boolean isFitted() {
    return strategy == Strategy.CONSTANT || stats != null;
  }

  @Override
  protected ColumnStats<Partial> zero() {
    return new ColumnStats<>(columns.size(), Partial::new);
  }

  @Override
  protected ColumnStats<Partial> add(ColumnStats<Partial> partial, VectorSchemaRoot batch) {
    for (int i = 0; i < columns.size(); i++) {
      FieldVector column = Columns.require(batch, columns.get(i), toString());
      if (strategy == Strategy.MEAN) {
        partial.columns.get(i).moments.add(column, toString());
      } else if (strategy == Strategy.MOST_FREQUENT) {
        partial.columns.get(i).counts.add(column, toString());
      }
    }
    return partial;
  }

  @Override
  protected ColumnStats<Partial> merge(ColumnStats<Partial> left, ColumnStats<Partial> right) {
    return left.merge(
        right,
        (a, b) -> {
          a.moments.merge(b.moments);
          a.counts.merge(b.counts);
          return a;
        });
  }

  @Override
  protected void complete(ColumnStats<Partial> all) {
    if (strategy == Strategy.CONSTANT) {
      return;
    }
    LinkedHashMap<String, Object> fitted = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      Partial p = all.columns.get(i);
      fitted.put(
          statistic(columns.get(i)),
          strategy == Strategy.MEAN ? p.moments.mean() : p.counts.mostFrequent());
    }
    stats = fitted;
  }

  /** The statistic of a column's fill value: {@code mean(C)} or {@code most_frequent(C)}. */
  private String statistic(String column) {
    return (strategy == Strategy.MEAN ? "mean(" : "most_frequent(") + column + ")";
  }

  @Override
  protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
    Columns.requireAll(batch, columns, toString());
    try (BatchBuilder out = new BatchBuilder(batch)) {
      for (String column : columns) {
        out.replace(column, fill(batch.getVector(column), fillFor(column), allocator));
      }
      return out.build();
    }
  }

  private Object fillFor(String column) {
    return strategy == Strategy.CONSTANT ? fillValue : stats.get(statistic(column));
  }

  private FieldVector fill(FieldVector in, Object value, BufferAllocator allocator) {
    int rows = in.getValueCount();
    if (in instanceof VarCharVector) {
      VarCharVector out = new VarCharVector(in.getName(), allocator);
      out.allocateNew(Math.max(rows, 1));
      byte[] fill = value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
      VarCharVector strings = (VarCharVector) in;
      for (int i = 0; i < rows; i++) {
        if (!strings.isNull(i)) {
          out.setSafe(i, strings.get(i));
        } else if (fill != null) {
          out.setSafe(i, fill);
        } else {
          out.setNull(i);
        }
      }
      out.setValueCount(rows);
      return out;
    }
    if (value != null && !(value instanceof Number)) {
      throw new IllegalArgumentException(
          this + ": column '" + in.getName() + "' is numeric " + "but the fill value is " + value);
    }
    Columns.Doubles values = Columns.doubles(in, toString());
    Float8Vector out = Columns.newDoubles(in.getName(), rows, allocator);
    for (int i = 0; i < rows; i++) {
      if (!in.isNull(i)) {
        out.set(i, values.get(i));
      } else if (value != null) {
        out.set(i, ((Number) value).doubleValue());
      } else {
        out.setNull(i);
      }
    }
    out.setValueCount(rows);
    return out;
  }

  @Override
  public String toString() {
    return "SimpleImputer(columns="
        + columns
        + ", strategy="
        + strategy.name().toLowerCase(Locale.ROOT)
        + ")";
  }
}
