package io.sparkair.data;

import io.sparkair.plugin.AirSettings;
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
 * A dataset's blocks as a Spark table: one input partition per block, read columnar where the
 * block lives.
 */
final class BlockTable implements SupportsRead, ScanBuilder, Scan, Batch {
  private final String name;
  private final StructType schema;
  private final List<BlockRef> blocks;
  private final List<Lineage> lineages;
  private final AirSettings settings;

  BlockTable(String name, StructType schema, List<BlockRef> blocks, List<Lineage> lineages,
      AirSettings settings) {
    this.name = name;
    this.schema = schema;
    this.blocks = blocks;
    this.lineages = lineages;
    this.settings = settings;
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
    return Lineage.resolve(lineages, blocks).stream().map(b -> new BlockPartition(b, settings))
        .toArray(InputPartition[]::new);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new ReaderFactory();
  }

  /** Creates columnar readers (and row readers over them, should Spark ask for rows). */
  private static final class ReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
      return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
      return new BlockBatchReader((BlockPartition) partition);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      BlockBatchReader batches = new BlockBatchReader((BlockPartition) partition);
      return new PartitionReader<>() {
        private Iterator<InternalRow> rows = java.util.Collections.emptyIterator();
        private InternalRow current;

        @Override
        public boolean next() {
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
        public void close() {
          batches.close();
        }
      };
    }
  }
}
