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
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of a dataset or shard as plain data (schema and block references), small enough to send
 * to the worker that reads it. It holds no references of its own: the dataset it came from must
 * stay open while it is read.
 *
 * @param schema the rows' Spark schema
 * @param blocks the blocks or slices, in order
 */
public record BlockSet(StructType schema, List<BlockRef> blocks) implements Serializable {
  /** Keeps an unmodifiable copy of {@code blocks}, which must not be or hold null. */
  public BlockSet {
    blocks = List.copyOf(blocks);
  }

  /** Number of rows. */
  public long count() {
    return blocks.stream().mapToLong(BlockRef::rows).sum();
  }

  /**
   * Streams the rows as Arrow batches in this JVM, through its runtime (the driver's, or the
   * executor's for an actor or task).
   *
   * @param batchSize rows per batch (the last may be shorter)
   * @param prefetchBlocks blocks opened ahead of the consumer
   */
  public BatchIterator iterBatches(int batchSize, int prefetchBlocks) {
    return new BatchIterator(AirRuntime.current(), blocks, batchSize, prefetchBlocks);
  }
}
