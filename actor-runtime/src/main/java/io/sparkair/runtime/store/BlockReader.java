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
package io.sparkair.runtime.store;

import java.util.Iterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads a block's record batches one at a time into a reusable {@link VectorSchemaRoot}. The
 * batches are not copied. While a reader is open its block stays in memory; a block fetched from
 * another runtime streams in as it is read.
 *
 * <pre>{@code
 * try (BlockReader reader = store.read(id)) {
 *   while (reader.loadNext()) {
 *     VectorSchemaRoot batch = reader.root();
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class BlockReader implements AutoCloseable {
  private final Iterator<ArrowRecordBatch> batches;
  private final boolean owned;
  private final VectorSchemaRoot root;
  private final VectorLoader loader;
  private final Runnable onClose;
  private boolean closed;

  /**
   * A reader of {@code batches}; with {@code owned} each batch is closed once loaded (its buffers
   * then live in the root until the next), else they belong to the store.
   */
  BlockReader(
      Schema schema,
      Iterator<ArrowRecordBatch> batches,
      boolean owned,
      BufferAllocator allocator,
      Runnable onClose) {
    this.batches = batches;
    this.owned = owned;
    this.root = VectorSchemaRoot.create(schema, allocator);
    this.loader = new VectorLoader(root);
    this.onClose = onClose;
  }

  /** The block's schema. */
  public Schema schema() {
    return root.getSchema();
  }

  /** Loads the next batch into {@link #root()}; false when there is none. */
  public boolean loadNext() {
    if (!batches.hasNext()) {
      return false;
    }
    ArrowRecordBatch batch = batches.next();
    try {
      loader.load(batch);
    } finally {
      if (owned) {
        batch.close();
      }
    }
    return true;
  }

  /** The current batch; valid until the next {@link #loadNext()} or {@link #close()}. */
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      root.close();
      onClose.run();
    }
  }
}
