package io.sparkair.data;

import io.sparkair.runtime.AirRuntime;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of a dataset or shard as plain data (schema and block references), small enough to
 * send to the worker that reads it. It holds no references of its own: the dataset it came
 * from must stay open while it is read.
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
