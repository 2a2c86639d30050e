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
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A scaler that maps each named numeric column to {@code (x - offset) / scale}, with offset and
 * scale from fitted per-column statistics. A scale of 0 is taken as 1, as Ray does, so a constant
 * column keeps its offset. Scaled columns come out as doubles; nulls stay null.
 *
 * @param <S> the partial statistics of one column
 */
public abstract class AffineScaler<S extends Serializable>
    extends FittablePreprocessor<ColumnStats<S>> {
  private static final long serialVersionUID = 1L;
  private static final String COLUMNS = "columns";
  private static final String STATS = "stats";

  /** The columns this scaler transforms. */
  private List<String> columns;

  /** The fitted statistics by name, or null before fitting. */
  private LinkedHashMap<String, Double> stats;

  private transient volatile Scaling scaling;

  /** Offsets and scales of the fitted statistics, per column, and this scaler's name. */
  private static final class Scaling {
    final Map<String, Double> of;
    final String who;
    final double[] offsets;
    final double[] scales;

    Scaling(AffineScaler<?> scaler) {
      this.of = scaler.stats;
      this.who = scaler.toString();
      this.offsets = new double[scaler.columns.size()];
      this.scales = new double[offsets.length];
      for (int i = 0; i < offsets.length; i++) {
        String column = scaler.columns.get(i);
        double scale = scaler.scale(of, column);
        offsets[i] = scaler.offset(of, column);
        scales[i] = scale == 0 ? 1 : scale;
      }
    }
  }

  AffineScaler() {}

  AffineScaler(List<String> columns) {
    this.columns = checkColumns(getClass().getSimpleName(), columns);
  }

  /** The columns this scaler transforms. */
  public List<String> columns() {
    return columns;
  }

  @Override
  public Map<String, Object> stats() {
    return stats == null ? Map.of() : Collections.unmodifiableMap(stats);
  }

  @Override
  public boolean isFitted() {
    return stats != null;
  }

  @Override
  void writeFields(ObjectNode json) {
    JsonFields.putStrings(json, COLUMNS, columns);
    JsonFields.putMap(json, STATS, stats, JsonNodeFactory.instance::numberNode);
  }

  @Override
  void readFields(JsonFields json) {
    columns = json.columns(COLUMNS);
    stats = json.numbers(STATS);
    if (stats != null) {
      scaling = json.valid(STATS, () -> new Scaling(this));
    }
  }

  /**
   * A fitted statistic.
   *
   * @throws IllegalArgumentException when there is none of that name
   */
  static double stat(Map<String, Double> stats, String name) {
    Double value = stats.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no statistic '" + name + "' in " + stats.keySet());
    }
    return value;
  }

  /** Empty statistics of one column. */
  abstract S emptyColumn();

  /** Folds a column of a batch into its statistics. */
  abstract S addColumn(S partial, org.apache.arrow.vector.FieldVector column);

  abstract S mergeColumn(S left, S right);

  /** Puts the fitted statistics of a column into {@code stats}, under Ray's keys. */
  abstract void putStats(Map<String, Double> stats, String column, S all);

  /** The offset of a column, read from the fitted statistics. */
  abstract double offset(Map<String, Double> stats, String column);

  /** The scale of a column, read from the fitted statistics (0 is taken as 1). */
  abstract double scale(Map<String, Double> stats, String column);

  @Override
  protected final ColumnStats<S> zero() {
    return new ColumnStats<>(columns.size(), this::emptyColumn);
  }

  @Override
  protected final ColumnStats<S> add(ColumnStats<S> partial, VectorSchemaRoot batch) {
    String who = toString();
    for (int i = 0; i < columns.size(); i++) {
      partial.columns.set(
          i, addColumn(partial.columns.get(i), Columns.require(batch, columns.get(i), who)));
    }
    return partial;
  }

  @Override
  protected final ColumnStats<S> merge(ColumnStats<S> left, ColumnStats<S> right) {
    return left.merge(right, this::mergeColumn);
  }

  @Override
  protected final void complete(ColumnStats<S> all) {
    LinkedHashMap<String, Double> fitted = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      putStats(fitted, columns.get(i), all.columns.get(i));
    }
    stats = fitted;
  }

  @Override
  protected final VectorSchemaRoot transformFitted(
      VectorSchemaRoot batch, BufferAllocator allocator) {
    Scaling s = scaling;
    if (s == null || s.of != stats) {
      s = new Scaling(this);
      scaling = s;
    }
    Columns.requireAll(batch, columns, s.who);
    try (BatchBuilder out = new BatchBuilder(batch)) {
      for (int i = 0; i < columns.size(); i++) {
        String column = columns.get(i);
        out.replace(
            column,
            Columns.affine(batch.getVector(column), s.offsets[i], s.scales[i], allocator, s.who));
      }
      return out.build();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(columns=" + columns + ")";
  }
}
