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

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Assembles a transformed batch: starts as the input's columns in order, takes replaced, removed
 * and appended columns, and builds a new batch in which the untouched input columns share the
 * input's buffers (the input keeps its own).
 */
final class BatchBuilder implements AutoCloseable {
  private final int rows;
  private final List<String> names = new ArrayList<>();
  private final List<FieldVector> inputs = new ArrayList<>();
  private final List<FieldVector> made = new ArrayList<>();

  BatchBuilder(VectorSchemaRoot input) {
    this.rows = input.getRowCount();
    for (FieldVector vector : input.getFieldVectors()) {
      names.add(vector.getName());
      inputs.add(vector);
      made.add(null);
    }
  }

  /** Puts a new column in place of the named one. */
  BatchBuilder replace(String name, FieldVector vector) {
    int at = indexOf(name);
    closeMade(at);
    names.set(at, vector.getName());
    inputs.set(at, null);
    made.set(at, vector);
    return this;
  }

  /** Drops the named column. */
  BatchBuilder remove(String name) {
    int at = indexOf(name);
    closeMade(at);
    names.remove(at);
    inputs.remove(at);
    made.remove(at);
    return this;
  }

  /** Adds a new column after the others. */
  BatchBuilder append(FieldVector vector) {
    names.add(vector.getName());
    inputs.add(null);
    made.add(vector);
    return this;
  }

  /** The new batch; the builder gives up its new columns to it. */
  VectorSchemaRoot build() {
    List<Field> fields = new ArrayList<>(names.size());
    List<FieldVector> vectors = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      FieldVector vector =
          made.get(i) != null ? made.get(i) : ColumnViews.share(inputs.get(i), rows);
      made.set(i, vector);
      fields.add(vector.getField());
      vectors.add(vector);
    }
    made.replaceAll(v -> null);
    return new VectorSchemaRoot(fields, vectors, rows);
  }

  private int indexOf(String name) {
    int at = names.indexOf(name);
    if (at < 0) {
      throw new IllegalArgumentException(
          "column '" + name + "' not found; the data has " + "columns " + names);
    }
    return at;
  }

  private void closeMade(int at) {
    if (made.get(at) != null) {
      made.get(at).close();
    }
  }

  /** Frees the new columns not yet given to a batch (after a failure). */
  @Override
  public void close() {
    try {
      AutoCloseables.close(made);
    } catch (Exception e) {
      throw new IllegalStateException("could not free columns", e);
    }
  }
}
