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

import io.sparkair.runtime.batch.BatchFunction;
import io.sparkair.spark.AirSettings;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * A dataset's blocks as a Spark table: one input partition per block, read columnar where the block
 * lives.
 */
final class BlockTable implements SupportsRead, ScanBuilder, Scan, Batch {
  private final String name;
  private final StructType schema;
  private final List<BlockRef> blocks;
  private final List<Lineage> lineages;
  private final AirSettings settings;
  private final BatchFunction fn;
  private final int batchSize;
  private final AirDataset owner;

  /**
   * @param schema the rows' schema (the function's output schema when {@code fn} is set)
   * @param fn a function each batch passes through, or null to read the blocks as they are
   * @param batchSize rows per batch given to {@code fn}
   * @param owner the dataset of the blocks: a DataFrame over this table keeps it, so its blocks are
   *     not released while the DataFrame can still be read
   */
  BlockTable(
      String name,
      StructType schema,
      List<BlockRef> blocks,
      List<Lineage> lineages,
      AirSettings settings,
      BatchFunction fn,
      int batchSize,
      AirDataset owner) {
    this.name = name;
    this.schema = schema;
    this.blocks = blocks;
    this.lineages = lineages;
    this.settings = settings;
    this.fn = fn;
    this.batchSize = batchSize;
    this.owner = owner;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return this;
  }

  @Override
  public Scan build() {
    return this;
  }

  @Override
  public StructType readSchema() {
    return schema;
  }

  @Override
  public String description() {
    return name + " (" + blocks.size() + " Arrow blocks in the executors)";
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  /** One partition per block, planned for each query: lost blocks are recomputed first. */
  @Override
  public InputPartition[] planInputPartitions() {
    return Lineage.resolve(lineages, blocks).stream()
        .map(b -> new BlockPartition(b, settings))
        .toArray(InputPartition[]::new);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new ReaderFactory(fn, batchSize);
  }

  /** Creates columnar readers (and row readers over them, should Spark ask for rows). */
  private static final class ReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;
    private final BatchFunction fn;
    private final int batchSize;

    ReaderFactory(BatchFunction fn, int batchSize) {
      this.fn = fn;
      this.batchSize = batchSize;
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
      return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
      BlockPartition block = (BlockPartition) partition;
      return fn == null ? new BlockBatchReader(block) : new MappedBatchReader(block, fn, batchSize);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      PartitionReader<ColumnarBatch> batches = createColumnarReader(partition);
      return new PartitionReader<>() {
        private Iterator<InternalRow> rows = java.util.Collections.emptyIterator();
        private InternalRow current;

        @Override
        public boolean next() throws java.io.IOException {
          while (!rows.hasNext()) {
            if (!batches.next()) {
              return false;
            }
            rows = batches.get().rowIterator();
          }
          current = rows.next();
          return true;
        }

        @Override
        public InternalRow get() {
          return current;
        }

        @Override
        public void close() throws java.io.IOException {
          batches.close();
        }
      };
    }
  }
}
