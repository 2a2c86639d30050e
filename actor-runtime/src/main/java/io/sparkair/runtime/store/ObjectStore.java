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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One runtime's blocks of Arrow record batches, held off-heap under a memory budget. Past the
 * budget, the least recently used blocks that no reader holds are written to local disk as Arrow
 * IPC files and read back when next opened. Blocks are reference-counted: a block starts with one
 * reference, {@link #retain} adds one, {@link #release} drops one, and the block is freed (memory
 * and spill file) when none is left.
 *
 * <p>The class is long because memory accounting, spilling and reading back share one lock and one
 * budget; splitting them would spread that invariant over several classes.
 */
public final class ObjectStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);

  private final String nodeId;
  private final BufferAllocator allocator;
  private final long budgetBytes;
  private final Path spillDir;
  private final HashMap<BlockId, Entry> entries = new HashMap<>();
  private long useClock;
  private long bytesInMemory;
  private long bytesSpilled;
  private long spills;
  private long reloads;
  private boolean closed;

  private static final class Entry {
    final BlockId id;
    final Schema schema;
    final long bytes;
    final long rows;
    List<ArrowRecordBatch> batches;
    Path file;
    int refs = 1;
    int pins;
    long lastUse;

    Entry(BlockId id, Schema schema, List<ArrowRecordBatch> batches, long bytes, long rows) {
      this.id = id;
      this.schema = schema;
      this.batches = batches;
      this.bytes = bytes;
      this.rows = rows;
    }

    boolean inMemory() {
      return batches != null;
    }
  }

  /**
   * @param nodeId the node whose blocks this store holds
   * @param allocator allocates the blocks' memory; the store owns a child of it
   * @param budgetBytes memory past which blocks spill to disk
   * @param spillDir where spilled blocks go; created when first needed
   */
  public ObjectStore(String nodeId, BufferAllocator allocator, long budgetBytes, Path spillDir) {
    if (budgetBytes <= 0) {
      throw new IllegalArgumentException("store budget must be > 0 bytes, got " + budgetBytes);
    }
    this.nodeId = nodeId;
    this.allocator = allocator.newChildAllocator("air-store-" + nodeId, 0, Long.MAX_VALUE);
    this.budgetBytes = budgetBytes;
    this.spillDir = spillDir;
  }

  /** The allocator blocks should be built with, so the store can take them over without copying. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /** The node this store belongs to. */
  public String nodeId() {
    return nodeId;
  }

  /** Starts a block: fill {@link BlockWriter#root()}, call {@code writeBatch()}, then commit. */
  public BlockWriter writer(Schema schema) {
    return new BlockWriter(this, schema, allocator);
  }

  /**
   * Stores record batches as a new block, taking ownership of them.
   *
   * @return the new block's id, owned by this node
   */
  public BlockId put(Schema schema, List<ArrowRecordBatch> batches) {
    BlockId id = BlockId.random(nodeId);
    put(id, schema, batches);
    return id;
  }

  /** Stores record batches under a given id, taking ownership of them. */
  public synchronized void put(BlockId id, Schema schema, List<ArrowRecordBatch> batches) {
    if (closed) {
      AutoCloseables.closeNoChecked(() -> AutoCloseables.close(batches));
      throw new IllegalStateException("the object store of " + nodeId + " is closed");
    }
    if (entries.containsKey(id)) {
      AutoCloseables.closeNoChecked(() -> AutoCloseables.close(batches));
      throw new IllegalArgumentException("block " + id + " already exists");
    }
    long bytes = 0;
    long rows = 0;
    for (ArrowRecordBatch b : batches) {
      bytes += sizeOf(b);
      rows += b.getLength();
    }
    Entry e = new Entry(id, schema, new ArrayList<>(batches), bytes, rows);
    e.lastUse = ++useClock;
    entries.put(id, e);
    bytesInMemory += bytes;
    evictOver(e);
  }

  /** Stores a block a writer wrote to its spill file ({@link #spillFile}) as spilled. */
  synchronized void putSpilled(BlockId id, Schema schema, SpillWriter written) {
    if (closed || entries.containsKey(id)) {
      throw new IllegalStateException(
          "block " + id + " cannot be stored: " + (closed ? "the store is closed" : "it exists"));
    }
    Entry e = new Entry(id, schema, null, written.bytes(), written.rows());
    e.file = written.file();
    e.lastUse = ++useClock;
    entries.put(id, e);
    bytesSpilled += e.bytes;
    spills++;
  }

  /** Memory past which blocks spill to disk. */
  long budgetBytes() {
    return budgetBytes;
  }

  /** Where the block's spill file goes. */
  Path spillFile(BlockId id) {
    return spillDir.resolve(id.id() + ".arrow");
  }

  /** True if this store holds the block. */
  public synchronized boolean contains(BlockId id) {
    return entries.containsKey(id);
  }

  /** Rows in a block. */
  public synchronized long rows(BlockId id) {
    return entry(id).rows;
  }

  /** Bytes of a block's buffers. */
  public synchronized long bytes(BlockId id) {
    return entry(id).bytes;
  }

  /** A block's schema. */
  public synchronized Schema schema(BlockId id) {
    return entry(id).schema;
  }

  /** True if a block is on disk rather than in memory. */
  public synchronized boolean isSpilled(BlockId id) {
    return !entry(id).inMemory();
  }

  /**
   * Opens a block for reading; reads it back from disk first if it was spilled, or streams it from
   * disk batch by batch if it alone exceeds the budget.
   */
  public synchronized BlockReader read(BlockId id) {
    Entry e = entry(id);
    if (!e.inMemory() && e.bytes > budgetBytes) {
      return streamFromDisk(e);
    }
    if (!e.inMemory()) {
      reload(e);
    }
    e.pins++;
    e.refs++;
    e.lastUse = ++useClock;
    List<ArrowRecordBatch> batches = e.batches;
    return new BlockReader(e.schema, batches.iterator(), false, allocator, () -> unpin(e));
  }

  private BlockReader streamFromDisk(Entry e) {
    SpillReader batches;
    try {
      batches = new SpillReader(e.file, allocator);
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "could not read spilled block " + e.id + " from " + e.file, ex);
    }
    e.refs++;
    e.lastUse = ++useClock;
    return new BlockReader(
        e.schema,
        batches,
        true,
        allocator,
        () -> {
          try {
            batches.close();
          } catch (IOException ex) {
            LOG.warn("could not close spill file {}", e.file, ex);
          }
          release(e.id);
        });
  }

  private synchronized void unpin(Entry e) {
    e.pins--;
    release(e.id);
  }

  /** Adds a reference to a block. */
  public synchronized void retain(BlockId id) {
    entry(id).refs++;
  }

  /** Drops a reference; the last one frees the block. Releasing an unknown block is a no-op. */
  public synchronized void release(BlockId id) {
    Entry e = entries.get(id);
    if (e == null) {
      return;
    }
    if (--e.refs > 0) {
      return;
    }
    entries.remove(id);
    free(e);
  }

  /** A snapshot of the store's contents. */
  public synchronized StoreStats stats() {
    return new StoreStats(
        entries.size(), bytesInMemory, bytesSpilled, budgetBytes, spills, reloads);
  }

  private Entry entry(BlockId id) {
    Entry e = entries.get(id);
    if (e == null) {
      throw new BlockNotFoundException(id);
    }
    return e;
  }

  private void free(Entry e) {
    if (e.inMemory()) {
      closeBatches(e.batches);
      e.batches = null;
      bytesInMemory -= e.bytes;
    }
    if (e.file != null) {
      try {
        Files.deleteIfExists(e.file);
      } catch (IOException ex) {
        LOG.warn("could not delete spill file {}", e.file, ex);
      }
      e.file = null;
      bytesSpilled -= e.bytes;
    }
  }

  private void evictOver(Entry keep) {
    if (bytesInMemory <= budgetBytes) {
      return;
    }
    List<Entry> candidates = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (e != keep && e.inMemory() && e.pins == 0) {
        candidates.add(e);
      }
    }
    candidates.sort(Comparator.comparingLong(e -> e.lastUse));
    Iterator<Entry> lru = candidates.iterator();
    while (bytesInMemory > budgetBytes && lru.hasNext()) {
      spill(lru.next());
    }
  }

  private void spill(Entry e) {
    if (e.file == null) {
      Path file = spillFile(e.id);
      try (SpillWriter writer = new SpillWriter(file, e.schema, allocator)) {
        for (ArrowRecordBatch b : e.batches) {
          writer.write(b);
        }
        writer.finish();
      } catch (IOException ex) {
        LOG.error("could not spill block {} to {}; keeping it in memory", e.id, file, ex);
        return;
      }
      e.file = file;
      bytesSpilled += e.bytes;
    }
    closeBatches(e.batches);
    e.batches = null;
    bytesInMemory -= e.bytes;
    spills++;
    LOG.debug("spilled block {} ({} bytes) to {}", e.id, e.bytes, e.file);
  }

  private void reload(Entry e) {
    List<ArrowRecordBatch> batches = new ArrayList<>();
    try (SpillReader reader = new SpillReader(e.file, allocator)) {
      reader.forEachRemaining(batches::add);
    } catch (IOException ex) {
      closeBatches(batches);
      throw new UncheckedIOException(
          "could not read spilled block " + e.id + " from " + e.file, ex);
    } catch (UncheckedIOException ex) {
      closeBatches(batches);
      throw ex;
    }
    e.batches = batches;
    bytesInMemory += e.bytes;
    reloads++;
    evictOver(e);
  }

  /** Bytes a batch's buffers take. */
  static long sizeOf(ArrowRecordBatch batch) {
    long bytes = 0;
    for (ArrowBuf buf : batch.getBuffers()) {
      bytes += buf.capacity();
    }
    return bytes;
  }

  private static void closeBatches(List<ArrowRecordBatch> batches) {
    for (ArrowRecordBatch b : batches) {
      b.close();
    }
  }

  /** Frees every block and deletes the spill files. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Map.Entry<BlockId, Entry> e : entries.entrySet()) {
      free(e.getValue());
    }
    entries.clear();
    try {
      if (Files.isDirectory(spillDir)) {
        try (var files = Files.list(spillDir)) {
          files.forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(spillDir);
      }
    } catch (IOException ex) {
      LOG.warn("could not clean spill directory {}", spillDir, ex);
    }
    allocator.close();
  }
}
