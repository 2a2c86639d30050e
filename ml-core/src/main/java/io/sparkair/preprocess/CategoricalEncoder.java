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

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * An encoder that learns each named column's categories: its distinct non-null values, in natural
 * order, each indexed by its position. Statistic {@code unique_values(C)}, a map from each category
 * to its index.
 */
public abstract class CategoricalEncoder extends FittablePreprocessor<ColumnStats<Counts>> {
  private static final long serialVersionUID = 1L;
  static final String COLUMNS = "columns";
  private static final String MAX_CATEGORIES = "maxCategories";
  private static final String CATEGORIES = "categories";

  /** The columns this encoder transforms. */
  private List<String> columns;

  /** The most categories kept of a column, by column; no limit for a column not in it. */
  private LinkedHashMap<String, Integer> maxCategories = new LinkedHashMap<>();

  /** Each column's categories, in index order, or null before fitting. */
  private LinkedHashMap<String, List<Object>> categories;

  private transient volatile Map<String, Map<Object, Integer>> indexes;

  CategoricalEncoder() {}

  CategoricalEncoder(List<String> columns) {
    this.columns = checkColumns(getClass().getSimpleName(), columns);
  }

  /** The columns this encoder transforms. */
  public List<String> columns() {
    return columns;
  }

  /** Keeps at most {@code limit} categories of a column: its most frequent values. */
  void limitCategories(String column, int limit) {
    if (!columns.contains(column)) {
      throw new IllegalArgumentException(this + ": column '" + column + "' is not encoded");
    }
    if (limit <= 0) {
      throw new IllegalArgumentException(
          "max categories of '" + column + "' must be > 0, got " + limit);
    }
    maxCategories.put(column, limit);
  }

  @Override
  void writeFields(ObjectNode json) {
    JsonFields.putStrings(json, COLUMNS, columns);
    JsonFields.putMap(json, MAX_CATEGORIES, maxCategories, JsonNodeFactory.instance::numberNode);
    JsonFields.putMap(json, CATEGORIES, categories, JsonFields::valueArray);
  }

  @Override
  void readFields(JsonFields json) {
    columns = json.columns(COLUMNS);
    LinkedHashMap<String, Integer> limits = json.integers(MAX_CATEGORIES);
    if (limits != null) {
      limits.forEach(
          (column, limit) -> json.check(MAX_CATEGORIES, () -> limitCategories(column, limit)));
    }
    LinkedHashMap<String, List<Object>> fitted = json.valueLists(CATEGORIES);
    if (fitted != null) {
      for (String column : columns) {
        if (!fitted.containsKey(column)) {
          throw json.invalid(CATEGORIES, "no categories of column '" + column + "'");
        }
      }
      fitted.replaceAll(
          (column, values) -> values.stream().map(Columns::normalize).collect(Collectors.toList()));
      categories = fitted;
    }
  }

  @Override
  public Map<String, Object> stats() {
    if (categories == null) {
      return Map.of();
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    categories.forEach(
        (column, values) -> {
          Map<Object, Integer> indexed = new LinkedHashMap<>();
          for (int i = 0; i < values.size(); i++) {
            indexed.put(values.get(i), i);
          }
          stats.put("unique_values(" + column + ")", Collections.unmodifiableMap(indexed));
        });
    return Collections.unmodifiableMap(stats);
  }

  @Override
  public boolean isFitted() {
    return categories != null;
  }

  @Override
  protected final ColumnStats<Counts> zero() {
    return new ColumnStats<>(columns.size(), Counts::new);
  }

  @Override
  protected final ColumnStats<Counts> add(ColumnStats<Counts> partial, VectorSchemaRoot batch) {
    String who = toString();
    for (int i = 0; i < columns.size(); i++) {
      partial.columns.get(i).add(Columns.require(batch, columns.get(i), who), who);
    }
    return partial;
  }

  @Override
  protected final ColumnStats<Counts> merge(ColumnStats<Counts> left, ColumnStats<Counts> right) {
    return left.merge(right, Counts::merge);
  }

  @Override
  protected final void complete(ColumnStats<Counts> all) {
    LinkedHashMap<String, List<Object>> fitted = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      fitted.put(column, all.columns.get(i).sortedValues(maxCategories.get(column)));
    }
    categories = fitted;
    indexes = null;
  }

  /** The index of a row's category in a column, or -1 when null or not seen in fitting. */
  final int indexOf(String column, FieldVector vector, int row) {
    Object value = Columns.category(vector, row, toString());
    if (value == null) {
      return -1;
    }
    return index().get(column).getOrDefault(value, -1);
  }

  /** The fitted categories of a column. */
  final List<Object> categoriesOf(String column) {
    return categories.get(column);
  }

  private Map<String, Map<Object, Integer>> index() {
    Map<String, Map<Object, Integer>> built = indexes;
    if (built == null) {
      built = new HashMap<>();
      for (Map.Entry<String, List<Object>> e : categories.entrySet()) {
        Map<Object, Integer> index = new HashMap<>();
        List<Object> values = e.getValue();
        for (int i = 0; i < values.size(); i++) {
          index.put(Columns.normalize(values.get(i)), i);
        }
        built.put(e.getKey(), index);
      }
      indexes = built;
    }
    return built;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(columns=" + columns + ")";
  }
}
