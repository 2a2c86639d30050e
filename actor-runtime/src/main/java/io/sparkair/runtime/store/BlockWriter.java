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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Builds a block batch by batch: fill {@link #root()}, call {@link #writeBatch()}, repeat, then
 * {@link #commit()}. Batches stay in the store's memory (least recently used blocks spill at commit
 * if the budget is exceeded) until the block outgrows the whole budget: the block so far and every
 * later batch then go to the block's spill file, so a block too large ever to be held in memory
 * holds at most the budget while it is written, and is read back from disk batch by batch. Closing
 * without committing frees what was written.
 */
public final class BlockWriter implements AutoCloseable {
  private final ObjectStore store;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final BlockId id;
  private final VectorSchemaRoot root;
  private final List<ArrowRecordBatch> batches = new ArrayList<>();
  private long bytes;
  private SpillWriter file;
  private boolean done;

  BlockWriter(ObjectStore store, Schema schema, BufferAllocator allocator) {
    this.store = store;
    this.schema = schema;
    this.allocator = allocator;
    this.id = BlockId.random(store.nodeId());
    this.root = VectorSchemaRoot.create(schema, allocator);
  }

  /** The batch being filled. Set values and the row count, then call {@link #writeBatch()}. */
  public VectorSchemaRoot root() {
    return root;
  }

  /** Appends the root's current contents as one record batch, and clears the root. */
  public void writeBatch() {
    ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch();
    root.clear();
    bytes += ObjectStore.sizeOf(batch);
    if (file == null && bytes <= store.budgetBytes()) {
      batches.add(batch);
      return;
    }
    try (batch) {
      if (file == null) {
        moveToDisk();
      }
      file.write(batch);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write block " + id + " to its spill file", e);
    }
  }

  private void moveToDisk() throws IOException {
    file = new SpillWriter(store.spillFile(id), schema, allocator);
    for (Iterator<ArrowRecordBatch> kept = batches.iterator(); kept.hasNext(); ) {
      try (ArrowRecordBatch batch = kept.next()) {
        file.write(batch);
      }
      kept.remove();
    }
  }

  /** Stores the written batches as a new block. */
  public BlockId commit() {
    if (done) {
      throw new IllegalStateException("block " + id + " is already committed or closed");
    }
    if (file == null) {
      done = true;
      root.close();
      store.put(id, schema, batches);
      return id;
    }
    try {
      file.finish();
      file.close();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("could not finish block " + id + "'s spill file", e);
    }
    done = true;
    root.close();
    store.putSpilled(id, schema, file);
    return id;
  }

  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    root.close();
    batches.forEach(ArrowRecordBatch::close);
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not close block " + id + "'s spill file", e);
      }
    }
  }
}
