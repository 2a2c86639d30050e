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
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.BlockWriter;
import io.sparkair.runtime.store.ObjectStore;
import io.sparkair.spark.AirSettings;
import io.sparkair.spark.TaskRuntime;
import java.io.Serializable;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.VectorBatchAppender;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.arrow.ArrowWriter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.collection.BufferedIterator;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of a conversion task: writes its partition (rows, or columnar batches from {@link
 * SourceRows}) as Arrow record batches into the store of the executor it runs on, and returns only
 * the block's reference.
 */
final class WriteBlocks extends AbstractFunction1<Iterator<Object>, Iterator<Written>>
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
  public Iterator<Written> apply(Iterator<Object> input) {
    AirRuntime runtime = TaskRuntime.get(settings);
    ObjectStore store = runtime.store();
    BufferedIterator<Object> items = input.buffered();
    long total;
    BlockId id;
    try (BlockWriter block = store.writer(ArrowSchemas.toArrow(schema, timeZone))) {
      if (items.hasNext() && items.head() instanceof ColumnarBatch) {
        total = writeColumns(items, block);
      } else {
        total = writeRows(items, block);
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

  private long writeRows(Iterator<Object> rows, BlockWriter block) {
    FixedWidthRows fixedWidth = FixedWidthRows.forSchema(schema);
    if (fixedWidth != null) {
      return writeFixedWidthRows(rows, block, fixedWidth);
    }
    ArrowWriter writer = ArrowWriter.create(block.root());
    long total = 0;
    int inBatch = 0;
    while (rows.hasNext()) {
      writer.write((InternalRow) rows.next());
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
    return total;
  }

  private long writeFixedWidthRows(
      Iterator<Object> rows, BlockWriter block, FixedWidthRows writer) {
    VectorSchemaRoot root = block.root();
    long total = 0;
    int filled = 0;
    while (rows.hasNext()) {
      if (filled == 0) {
        allocate(root, batchRows);
        writer.target(root);
      }
      writer.write((InternalRow) rows.next(), filled++);
      if (filled == batchRows) {
        writer.finish(filled);
        total += finish(root, filled, block);
        filled = 0;
      }
    }
    if (filled > 0) {
      writer.finish(filled);
      total += finish(root, filled, block);
    }
    return total;
  }

  /**
   * Copies columnar batches column by column: Arrow vectors (from AIR blocks) are appended as Arrow
   * buffers, Spark's column vectors copied by {@link ColumnCopy}. Source batches are never split: a
   * block batch takes whole source batches while they fit in {@code batchRows}.
   */
  private long writeColumns(Iterator<Object> batches, BlockWriter block) {
    ColumnCopy[] copies = new ColumnCopy[schema.fields().length];
    for (int c = 0; c < copies.length; c++) {
      copies[c] = ColumnCopy.forType(schema.fields()[c].dataType());
    }
    VectorSchemaRoot root = block.root();
    long total = 0;
    int filled = 0;
    while (batches.hasNext()) {
      ColumnarBatch batch = (ColumnarBatch) batches.next();
      int rows = batch.numRows();
      if (filled > 0 && filled + rows > batchRows) {
        total += finish(root, filled, block);
        filled = 0;
      }
      if (filled == 0) {
        allocate(root, Math.max(batchRows, rows));
      }
      for (int c = 0; c < copies.length; c++) {
        ColumnVector from = batch.column(c);
        if (from instanceof ArrowColumnVector) {
          VectorBatchAppender.batchAppend(
              (ValueVector) root.getVector(c), ((ArrowColumnVector) from).getValueVector());
        } else {
          copies[c].copy(from, rows, root.getVector(c), filled);
        }
      }
      filled += rows;
    }
    if (filled > 0) {
      total += finish(root, filled, block);
    }
    return total;
  }

  private static void allocate(VectorSchemaRoot root, int rows) {
    for (FieldVector vector : root.getFieldVectors()) {
      vector.setInitialCapacity(rows);
      vector.allocateNew();
    }
  }

  private static int finish(VectorSchemaRoot root, int rows, BlockWriter block) {
    root.setRowCount(rows);
    block.writeBatch();
    return rows;
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
