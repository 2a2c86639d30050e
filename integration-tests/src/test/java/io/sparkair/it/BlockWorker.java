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
package io.sparkair.it;

import io.sparkair.data.BatchIterator;
import io.sparkair.data.BlockSet;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.BlockReader;
import io.sparkair.runtime.store.BlockWriter;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A test actor that writes blocks into its executor's store and reads other executors' blocks. */
public class BlockWorker {
  private static final Schema SCHEMA =
      new Schema(List.of(Field.nullable("v", new ArrowType.Int(64, true))));

  public long pid() {
    return ProcessHandle.current().pid();
  }

  public String node() {
    return AirRuntime.current().nodeId();
  }

  /** Stores a block holding 0 .. rows-1 in batches of 10,000. */
  public BlockId write(long rows) {
    try (BlockWriter w = AirRuntime.current().store().writer(SCHEMA)) {
      long v = 0;
      while (v < rows) {
        int n = (int) Math.min(10_000, rows - v);
        BigIntVector col = (BigIntVector) w.root().getVector("v");
        col.allocateNew(n);
        for (int i = 0; i < n; i++) {
          col.set(i, v++);
        }
        w.root().setRowCount(n);
        w.writeBatch();
      }
      return w.commit();
    }
  }

  /** Sums a block held by the runtime at {@code address}, fetched over Arrow Flight. */
  public long sumRemote(String address, BlockId id) {
    long sum = 0;
    try (BlockReader r = AirRuntime.current().fetcher().fetch(address, id)) {
      while (r.loadNext()) {
        BigIntVector col = (BigIntVector) r.root().getVector("v");
        for (int i = 0; i < r.root().getRowCount(); i++) {
          sum += col.get(i);
        }
      }
    }
    return sum;
  }

  /** Sums the {@code id} column of a shard, streamed in this executor. */
  public long sumIds(BlockSet shard) {
    long sum = 0;
    try (BatchIterator it = shard.iterBatches(10_000, 2)) {
      while (it.hasNext()) {
        VectorSchemaRoot batch = it.next();
        BigIntVector id = (BigIntVector) batch.getVector("id");
        for (int i = 0; i < batch.getRowCount(); i++) {
          sum += id.get(i);
        }
      }
    }
    return sum;
  }

  public long sleep(long ms) throws InterruptedException {
    Thread.sleep(ms);
    return ms;
  }
}
