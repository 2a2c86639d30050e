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
import io.sparkair.spark.TaskRuntime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads one block (or the slice of it a dataset owns) as Spark columnar batches: Spark's {@link
 * ArrowColumnVector}s over the block's own buffers, without copying. A block held by another
 * executor is fetched through Arrow Flight.
 */
final class BlockBatchReader implements PartitionReader<ColumnarBatch> {
  private final BlockReader reader;
  private final long start;
  private final long end;
  private long position;
  private VectorSchemaRoot slice;
  private ColumnarBatch current;

  BlockBatchReader(BlockPartition partition) {
    AirRuntime runtime = TaskRuntime.get(partition.settings());
    BlockRef block = partition.block();
    this.reader =
        block.executor().equals(runtime.nodeId())
            ? runtime.store().read(block.id())
            : runtime.fetcher().fetch(block.address(), block.id());
    this.start = block.offset();
    this.end = block.offset() + block.rows();
  }

  @Override
  public boolean next() {
    closeSlice();
    while (position < end && reader.loadNext()) {
      VectorSchemaRoot batch = reader.root();
      long batchStart = position;
      position += batch.getRowCount();
      long from = Math.max(start, batchStart);
      long to = Math.min(end, position);
      if (from >= to) {
        continue;
      }
      if (from > batchStart || to < position) {
        slice = batch.slice((int) (from - batchStart), (int) (to - from));
        batch = slice;
      }
      current = columnar(batch);
      return true;
    }
    return false;
  }

  /** Spark's view of an Arrow batch: column vectors over the same buffers. */
  static ColumnarBatch columnar(VectorSchemaRoot batch) {
    ColumnVector[] columns = new ColumnVector[batch.getFieldVectors().size()];
    int i = 0;
    for (FieldVector vector : batch.getFieldVectors()) {
      columns[i++] = new ArrowColumnVector(vector);
    }
    return new ColumnarBatch(columns, batch.getRowCount());
  }

  private void closeSlice() {
    if (slice != null) {
      slice.close();
      slice = null;
    }
  }

  @Override
  public ColumnarBatch get() {
    return current;
  }

  @Override
  public void close() {
    closeSlice();
    reader.close();
  }
}
