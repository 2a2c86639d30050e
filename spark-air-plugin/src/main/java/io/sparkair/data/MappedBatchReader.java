package io.sparkair.data;

import io.sparkair.spark.TaskRuntime;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.batch.BatchFunction;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/** Reads one block in batches of a given size and passes each through a batch function. */
final class MappedBatchReader implements PartitionReader<ColumnarBatch> {
  private final BatchIterator input;
  private final BatchFunction fn;
  private final AirRuntime runtime;
  private VectorSchemaRoot in;
  private VectorSchemaRoot out;
  private ColumnarBatch current;

  MappedBatchReader(BlockPartition partition, BatchFunction fn, int batchSize) {
    this.runtime = TaskRuntime.get(partition.settings());
    this.input = new BatchIterator(runtime, List.of(partition.block()), batchSize, 0);
    this.fn = fn;
  }

  @Override
  public boolean next() {
    closeOutput();
    if (!input.hasNext()) {
      return false;
    }
    in = input.next();
    try {
      out = fn.apply(in, runtime.store().allocator());
    } catch (Exception e) {
      throw new IllegalStateException("mapBatches function failed: " + e, e);
    }
    if (out == null) {
      throw new IllegalStateException("mapBatches function returned null");
    }
    current = BlockBatchReader.columnar(out);
    return true;
  }

  private void closeOutput() {
    if (out != null && out != in) {
      out.close();
    }
    out = null;
  }

  @Override
  public ColumnarBatch get() {
    return current;
  }

  @Override
  public void close() {
    closeOutput();
    input.close();
  }
}
