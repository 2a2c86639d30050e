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
package io.sparkair.data;

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.store.BlockReader;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams blocks as Arrow batches of a fixed number of rows (the last may be shorter). A batch
 * inside one block batch is a zero-copy slice; one that spans block batches is assembled with bulk
 * copies of the columns' buffers into a batch allocated once for the iterator. While the consumer
 * works, up to {@code prefetch} further blocks are opened on a background thread, remote ones
 * fetched over Arrow Flight, so memory stays bounded by about {@code prefetch + 1} blocks.
 *
 * <p>Each batch returned by {@link #next()} is valid until the next call or {@link #close()}.
 */
public final class BatchIterator implements Iterator<VectorSchemaRoot>, AutoCloseable {
  private final AirRuntime runtime;
  private final List<BlockRef> blocks;
  private final int batchSize;
  private final int prefetch;
  private final ExecutorService opener;
  private final ArrayDeque<CompletableFuture<BlockReader>> opening = new ArrayDeque<>();
  private final BufferAllocator allocator;
  private int nextToOpen;

  private BlockRef block;
  private BlockReader reader;
  private long position;
  private VectorSchemaRoot source;
  private int sourceRow;
  private VectorSchemaRoot returned;
  private BatchAssembler assembler;
  private boolean closed;

  BatchIterator(AirRuntime runtime, List<BlockRef> blocks, int batchSize, int prefetch) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
    }
    if (prefetch < 0) {
      throw new IllegalArgumentException("prefetchBlocks must be >= 0, got " + prefetch);
    }
    this.runtime = runtime;
    this.blocks = blocks;
    this.batchSize = batchSize;
    this.prefetch = prefetch;
    this.allocator = runtime.store().allocator();
    this.opener =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "air-prefetch");
              t.setDaemon(true);
              return t;
            });
    fillPrefetch();
  }

  private void fillPrefetch() {
    while (nextToOpen < blocks.size() && opening.size() < prefetch + 1) {
      BlockRef b = blocks.get(nextToOpen++);
      opening.add(CompletableFuture.supplyAsync(() -> open(b), opener));
    }
  }

  private BlockReader open(BlockRef b) {
    return b.executor().equals(runtime.nodeId())
        ? runtime.store().read(b.id())
        : runtime.fetcher().fetch(b.address(), b.id());
  }

  /** Moves {@code source} to the next source batch with rows of the dataset; false at the end. */
  private boolean advanceSource() {
    while (true) {
      if (source != null && sourceRow < source.getRowCount()) {
        return true;
      }
      closeSourceSlice();
      if (reader != null) {
        long end = block.offset() + block.rows();
        while (position < end && reader.loadNext()) {
          VectorSchemaRoot batch = reader.root();
          long batchStart = position;
          position += batch.getRowCount();
          long from = Math.max(block.offset(), batchStart);
          long to = Math.min(end, position);
          if (from < to) {
            source =
                (from == batchStart && to == position)
                    ? batch
                    : batch.slice((int) (from - batchStart), (int) (to - from));
            sourceRow = 0;
            return true;
          }
        }
        reader.close();
        reader = null;
      }
      if (opening.isEmpty()) {
        return false;
      }
      reader = opening.poll().join();
      block = blocks.get(nextToOpen - opening.size() - 1);
      position = 0;
      fillPrefetch();
    }
  }

  private void closeSourceSlice() {
    if (source != null && reader != null && source != reader.root()) {
      source.close();
    }
    source = null;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    releaseReturned();
    return advanceSource();
  }

  @Override
  public VectorSchemaRoot next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches");
    }
    int available = source.getRowCount() - sourceRow;
    if (available >= batchSize || !moreAfterSource()) {
      int take = Math.min(available, batchSize);
      returned = source.slice(sourceRow, take);
      sourceRow += take;
      return returned;
    }
    if (assembler == null) {
      long rows = blocks.stream().mapToLong(BlockRef::rows).sum();
      assembler =
          new BatchAssembler(source.getSchema(), (int) Math.min(batchSize, rows), allocator);
    }
    assembler.start();
    while (assembler.room() > 0 && advanceSource()) {
      int take = Math.min(source.getRowCount() - sourceRow, assembler.room());
      assembler.append(source, sourceRow, take);
      sourceRow += take;
    }
    return assembler.finish();
  }

  /** True unless the current source batch is the last rows of the dataset. */
  private boolean moreAfterSource() {
    return reader != null && (position < block.offset() + block.rows() || !opening.isEmpty());
  }

  private void releaseReturned() {
    if (returned != null) {
      returned.close();
      returned = null;
    }
  }

  /** The Arrow schema of the batches, or null for a dataset without blocks. */
  public Schema schema() {
    return advanceSource() ? source.getSchema() : null;
  }

  /** Frees the current batch, the open block and every prefetched block. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    releaseReturned();
    if (assembler != null) {
      assembler.close();
    }
    closeSourceSlice();
    if (reader != null) {
      reader.close();
    }
    for (CompletableFuture<BlockReader> f : opening) {
      f.thenAccept(BlockReader::close);
    }
    opener.shutdown();
  }
}
