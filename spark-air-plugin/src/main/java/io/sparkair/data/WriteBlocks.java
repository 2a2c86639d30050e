package io.sparkair.data;

import io.sparkair.plugin.AirSettings;
import io.sparkair.plugin.TaskRuntime;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.BlockWriter;
import io.sparkair.runtime.store.ObjectStore;
import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.arrow.ArrowWriter;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of a conversion task: writes its partition's rows as Arrow record batches into the
 * store of the executor it runs on, and returns only the block's reference.
 */
final class WriteBlocks extends AbstractFunction1<Iterator<InternalRow>, Iterator<Written>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AirSettings settings;
  private final StructType schema;
  private final String timeZone;
  private final int batchRows;

  WriteBlocks(AirSettings settings, StructType schema, String timeZone, int batchRows) {
    this.settings = settings;
    this.schema = schema;
    this.timeZone = timeZone;
    this.batchRows = batchRows;
  }

  @Override
  public Iterator<Written> apply(Iterator<InternalRow> rows) {
    AirRuntime runtime = TaskRuntime.get(settings);
    ObjectStore store = runtime.store();
    long total = 0;
    BlockId id;
    try (BlockWriter block = store.writer(ArrowSchemas.toArrow(schema, timeZone))) {
      ArrowWriter writer = ArrowWriter.create(block.root());
      int inBatch = 0;
      while (rows.hasNext()) {
        writer.write(rows.next());
        inBatch++;
        if (inBatch == batchRows) {
          flush(writer, block);
          total += inBatch;
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        flush(writer, block);
        total += inBatch;
      }
      if (total == 0) {
        return noBlock();
      }
      id = block.commit();
    }
    BlockRef ref = new BlockRef(id, runtime.address(), 0, total, store.bytes(id));
    return scala.collection.Iterator$.MODULE$.single(
        new Written(TaskContext.getPartitionId(), ref));
  }

  @SuppressWarnings("unchecked")
  private static Iterator<Written> noBlock() {
    return (Iterator<Written>) (Iterator<?>) scala.collection.Iterator$.MODULE$.empty();
  }

  private static void flush(ArrowWriter writer, BlockWriter block) {
    writer.finish();
    block.writeBatch();
    writer.reset();
  }
}
