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

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Builds a block batch by batch in the store's memory: fill {@link #root()}, call {@link
 * #writeBatch()}, repeat, then {@link #commit()}. Closing without committing frees what was
 * written.
 */
public final class BlockWriter implements AutoCloseable {
  private final ObjectStore store;
  private final Schema schema;
  private final VectorSchemaRoot root;
  private final List<ArrowRecordBatch> batches = new ArrayList<>();
  private boolean done;

  BlockWriter(ObjectStore store, Schema schema, BufferAllocator allocator) {
    this.store = store;
    this.schema = schema;
    this.root = VectorSchemaRoot.create(schema, allocator);
  }

  /** The batch being filled. Set values and the row count, then call {@link #writeBatch()}. */
  public VectorSchemaRoot root() {
    return root;
  }

  /** Appends the root's current contents as one record batch, and clears the root. */
  public void writeBatch() {
    batches.add(new VectorUnloader(root).getRecordBatch());
    root.clear();
  }

  /** Stores the written batches as a new block. */
  public BlockId commit() {
    done = true;
    root.close();
    return store.put(schema, batches);
  }

  @Override
  public void close() {
    if (!done) {
      done = true;
      root.close();
      batches.forEach(ArrowRecordBatch::close);
    }
  }
}
