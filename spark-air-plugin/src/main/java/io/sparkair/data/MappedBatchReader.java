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
import io.sparkair.runtime.batch.BatchFunction;
import io.sparkair.spark.TaskRuntime;
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
