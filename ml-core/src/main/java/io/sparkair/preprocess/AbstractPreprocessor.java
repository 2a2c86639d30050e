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
import io.sparkair.runtime.batch.BatchDataset;
import io.sparkair.runtime.memory.Allocators;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The shared shape of the built-in preprocessors: transforming a dataset batch by batch where its
 * blocks live, and the not-fitted check. Subclasses transform one fitted batch.
 */
public abstract class AbstractPreprocessor implements Preprocessor {
  private static final long serialVersionUID = 1L;
  private static final BufferAllocator FALLBACK = Allocators.child("preprocessor-empty-batches");

  @Override
  public <D extends BatchDataset<D>> D transform(D dataset) {
    Objects.requireNonNull(dataset, "dataset");
    requireFitted();
    return DatasetOps.transform(this, dataset);
  }

  @Override
  public final VectorSchemaRoot transformBatch(VectorSchemaRoot batch) {
    Objects.requireNonNull(batch, "batch");
    requireFitted();
    return transformFitted(batch, allocatorOf(batch));
  }

  /**
   * Transforms a batch with the fitted statistics.
   *
   * @param allocator allocates the new columns
   */
  protected abstract VectorSchemaRoot transformFitted(
      VectorSchemaRoot batch, BufferAllocator allocator);

  /**
   * @throws PreprocessorNotFittedException when this preprocessor cannot transform yet
   */
  protected final void requireFitted() {
    if (!isFitted()) {
      throw new PreprocessorNotFittedException(toString());
    }
  }

  /**
   * Puts the fields this class and its built-in superclasses save into a preprocessor's JSON (none
   * here). Only built-in classes override it: a class of another package implements {@link
   * PersistentPreprocessor}.
   */
  void writeFields(ObjectNode json) {}

  /** Sets the fields {@link #writeFields} saves, on an instance just made (none here). */
  void readFields(JsonFields json) {}

  /** The column names, checked: at least one, none null or repeated. */
  static List<String> checkColumns(String who, List<String> columns) {
    Objects.requireNonNull(columns, "columns");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(who + " needs at least one column");
    }
    if (columns.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(who + ": a column name is null in " + columns);
    }
    if (columns.stream().distinct().count() != columns.size()) {
      throw new IllegalArgumentException(who + ": a column is named twice in " + columns);
    }
    return List.copyOf(columns);
  }

  private static BufferAllocator allocatorOf(VectorSchemaRoot batch) {
    return batch.getFieldVectors().isEmpty()
        ? FALLBACK
        : batch.getFieldVectors().get(0).getAllocator();
  }
}
