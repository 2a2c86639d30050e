package io.sparkair.data;

import io.sparkair.plugin.TaskRuntime;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.store.BlockReader;
import org.apache.arrow.vector.FieldVector;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads one block as Spark columnar batches: Spark's {@link ArrowColumnVector}s over the
 * block's own buffers, without copying. A block held by another executor is fetched through
 * Arrow Flight.
 */
final class BlockBatchReader implements PartitionReader<ColumnarBatch> {
  private final BlockReader reader;
  private ColumnarBatch current;

  BlockBatchReader(BlockPartition partition) {
    AirRuntime runtime = TaskRuntime.get(partition.settings());
    BlockRef block = partition.block();
    this.reader = block.executor().equals(runtime.nodeId())
        ? runtime.store().read(block.id())
        : runtime.fetcher().fetch(block.address(), block.id());
  }

  @Override
  public boolean next() {
    if (!reader.loadNext()) {
      return false;
    }
    ColumnVector[] columns = new ColumnVector[reader.root().getFieldVectors().size()];
    int i = 0;
    for (FieldVector vector : reader.root().getFieldVectors()) {
      columns[i++] = new ArrowColumnVector(vector);
    }
    current = new ColumnarBatch(columns, reader.root().getRowCount());
    return true;
  }

  @Override
  public ColumnarBatch get() {
    return current;
  }

  @Override
  public void close() {
    reader.close();
  }
}
