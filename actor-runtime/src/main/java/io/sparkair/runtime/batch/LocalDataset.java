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
package io.sparkair.runtime.batch;

import io.sparkair.runtime.memory.Allocators;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A dataset of Arrow batches held in this JVM: what a preprocessor fits and transforms where no
 * Spark runs (a test, a service, the serving sidecar), with the same results as on a distributed
 * dataset of the same rows.
 *
 * <pre>{@code
 * try (LocalDataset ds = LocalDataset.of(batches);
 *     LocalDataset scaled = new StandardScaler("x").fitTransform(ds)) {
 *   VectorSchemaRoot first = scaled.batches().get(0);
 * }
 * }</pre>
 *
 * <p>Not thread-safe. {@link #close()} releases the batches it holds and the memory of those it
 * made.
 */
public final class LocalDataset implements BatchDataset<LocalDataset> {
  private final Schema schema;
  private final List<VectorSchemaRoot> batches;
  private final BufferAllocator allocator;
  private boolean closed;

  private LocalDataset(Schema schema, List<VectorSchemaRoot> batches, BufferAllocator allocator) {
    this.schema = schema;
    this.batches = batches;
    this.allocator = allocator;
  }

  /**
   * A dataset that takes ownership of {@code batches}, which must share one schema.
   *
   * @throws IllegalArgumentException when there is no batch, or the batches' schemas differ
   */
  public static LocalDataset of(List<VectorSchemaRoot> batches) {
    Objects.requireNonNull(batches, "batches");
    if (batches.isEmpty()) {
      throw new IllegalArgumentException(
          "a LocalDataset needs at least one batch (an empty one " + "gives the schema)");
    }
    Schema schema = batches.get(0).getSchema();
    for (VectorSchemaRoot batch : batches) {
      if (!schema.equals(batch.getSchema())) {
        throw new IllegalArgumentException(
            "the batches' schemas differ: " + schema + " and " + batch.getSchema());
      }
    }
    return new LocalDataset(schema, List.copyOf(batches), null);
  }

  /** The batches, in order; they stay owned by this dataset. */
  public List<VectorSchemaRoot> batches() {
    requireOpen();
    return batches;
  }

  /** The rows of all batches. */
  public long count() {
    requireOpen();
    return batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
  }

  @Override
  public Schema batchSchema() {
    return schema;
  }

  @Override
  public LocalDataset mapBatches(BatchFunction fn, int batchRows, Schema outputSchema) {
    Objects.requireNonNull(fn, "fn");
    Objects.requireNonNull(outputSchema, "outputSchema");
    if (batchRows <= 0) {
      throw new IllegalArgumentException("batchRows must be > 0, got " + batchRows);
    }
    requireOpen();
    BufferAllocator out = Allocators.child("LocalDataset.mapBatches");
    List<VectorSchemaRoot> results = new ArrayList<>();
    try {
      for (VectorSchemaRoot batch : batches) {
        for (int from = 0; from == 0 || from < batch.getRowCount(); from += batchRows) {
          int rows = Math.min(batchRows, batch.getRowCount() - from);
          results.add(mapOne(fn, batch, from, rows, outputSchema, out));
        }
      }
    } catch (RuntimeException e) {
      results.forEach(VectorSchemaRoot::close);
      out.close();
      throw e;
    }
    return new LocalDataset(outputSchema, List.copyOf(results), out);
  }

  @Override
  public <A extends Serializable> A aggregateBatches(BatchAggregator<A> aggregator) {
    Objects.requireNonNull(aggregator, "aggregator");
    requireOpen();
    A result = aggregator.zero();
    for (VectorSchemaRoot batch : batches) {
      result = aggregator.add(result, batch);
    }
    return result;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    batches.forEach(VectorSchemaRoot::close);
    if (allocator != null) {
      allocator.close();
    }
  }

  private static VectorSchemaRoot mapOne(
      BatchFunction fn,
      VectorSchemaRoot batch,
      int from,
      int rows,
      Schema outputSchema,
      BufferAllocator allocator) {
    boolean whole = from == 0 && rows == batch.getRowCount();
    VectorSchemaRoot input = whole ? batch : batch.slice(from, rows);
    try {
      VectorSchemaRoot result = fn.apply(input, allocator);
      if (result == null) {
        throw new IllegalArgumentException("the batch function returned null");
      }
      try {
        if (!outputSchema.equals(result.getSchema())) {
          throw new IllegalArgumentException(
              "the batch function returned schema "
                  + result.getSchema()
                  + ", not the declared "
                  + outputSchema);
        }
        return copy(result, allocator);
      } finally {
        if (result != input) {
          result.close();
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the batch function failed: " + e, e);
    } finally {
      if (!whole) {
        input.close();
      }
    }
  }

  /**
   * A copy owned by this dataset's allocator: a function may return its input, or a batch that
   * shares the input's buffers, which stay owned by the source dataset.
   */
  private static VectorSchemaRoot copy(VectorSchemaRoot from, BufferAllocator allocator) {
    VectorSchemaRoot owned = VectorSchemaRoot.create(from.getSchema(), allocator);
    owned.allocateNew();
    for (int i = 0; i < from.getFieldVectors().size(); i++) {
      for (int row = 0; row < from.getRowCount(); row++) {
        owned.getVector(i).copyFromSafe(row, row, from.getVector(i));
      }
    }
    owned.setRowCount(from.getRowCount());
    return owned;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this LocalDataset is closed");
    }
  }
}
