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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Scales each row of the named columns to unit norm: every named value is divided by the norm of
 * the row's named values ({@code l2} by default, or {@code l1}, {@code max}). Nulls are left out of
 * the norm and stay null; a row whose norm is 0 is left as it is (Ray would give NaN). Nothing to
 * fit. The named columns come out as doubles.
 */
public final class Normalizer extends StatelessPreprocessor {
  private static final long serialVersionUID = 1L;
  private static final String COLUMNS = "columns";
  private static final String NORM = "norm";

  /** The norm a row is divided by. */
  public enum Norm {
    /** The sum of absolute values. */
    L1,
    /** The Euclidean length. */
    L2,
    /** The largest absolute value. */
    MAX
  }

  /** The columns this normalizer transforms. */
  private List<String> columns;

  /** The norm a row is divided by. */
  private Norm norm = Norm.L2;

  Normalizer() {}

  /** A normalizer of the named numeric columns by the {@code l2} norm. */
  public Normalizer(List<String> columns) {
    this.columns = checkColumns("Normalizer", columns);
  }

  /** A normalizer of the named numeric columns by the {@code l2} norm. */
  public Normalizer(String... columns) {
    this(Arrays.asList(columns));
  }

  /** Sets the norm: {@code l1}, {@code l2} or {@code max}. */
  public Normalizer setNorm(String name) {
    if (name == null) {
      throw new IllegalArgumentException("norm must be l1, l2 or max, got null");
    }
    try {
      norm = Norm.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown norm '" + name + "'; use l1, l2 or max", e);
    }
    return this;
  }

  @Override
  void writeFields(ObjectNode json) {
    JsonFields.putStrings(json, COLUMNS, columns);
    json.put(NORM, norm.name());
  }

  @Override
  void readFields(JsonFields json) {
    columns = json.columns(COLUMNS);
    norm = json.constant(NORM, Norm.class, Norm.L2);
  }

  @Override
  protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
    Columns.requireAll(batch, columns, toString());
    int rows = batch.getRowCount();
    int width = columns.size();
    Columns.Doubles[] in = new Columns.Doubles[width];
    for (int c = 0; c < width; c++) {
      in[c] = Columns.doubles(batch.getVector(columns.get(c)), toString());
    }
    double[] norms = new double[rows];
    for (int i = 0; i < rows; i++) {
      double n = 0;
      for (int c = 0; c < width; c++) {
        if (batch.getVector(columns.get(c)).isNull(i)) {
          continue;
        }
        double x = Math.abs(in[c].get(i));
        n = norm == Norm.L1 ? n + x : norm == Norm.L2 ? n + x * x : Math.max(n, x);
      }
      norms[i] = norm == Norm.L2 ? Math.sqrt(n) : n;
    }
    try (BatchBuilder out = new BatchBuilder(batch)) {
      for (int c = 0; c < width; c++) {
        String column = columns.get(c);
        Float8Vector scaled = Columns.newDoubles(column, rows, allocator);
        for (int i = 0; i < rows; i++) {
          if (batch.getVector(column).isNull(i)) {
            scaled.setNull(i);
          } else {
            double x = in[c].get(i);
            scaled.set(i, norms[i] == 0 ? x : x / norms[i]);
          }
        }
        scaled.setValueCount(rows);
        out.replace(column, scaled);
      }
      return out.build();
    }
  }

  @Override
  public String toString() {
    return "Normalizer(columns=" + columns + ", norm=" + norm.name().toLowerCase(Locale.ROOT) + ")";
  }
}
