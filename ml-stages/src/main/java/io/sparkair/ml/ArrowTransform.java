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
package io.sparkair.ml;

import io.sparkair.runtime.memory.Allocators;
import io.sparkair.spark.SparkShim;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.execution.arrow.ArrowWriter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.ArrowUtils;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.util.TaskCompletionListener;
import scala.collection.AbstractIterator;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * Applies a function of Arrow batches (a fitted preprocessor, a model's predictions) to a DataFrame
 * inside Spark tasks: each partition's rows are written into Arrow batches, transformed, and read
 * back as rows, batch by batch. The result is the function's columns, after the input's when they
 * are kept.
 */
final class ArrowTransform {
  static final int BATCH_ROWS = 10_000;

  /** A serializable function of Arrow batches; its result is a new batch. */
  @FunctionalInterface
  interface BatchTransform extends Serializable {
    VectorSchemaRoot apply(VectorSchemaRoot batch);
  }

  private ArrowTransform() {}

  /** The schema the result has for rows of {@code input}. */
  static StructType outputSchema(
      BatchTransform fn, StructType input, boolean keepInput, String timeZone) {
    Schema arrow = ArrowUtils.toArrowSchema(input, timeZone, true, false);
    try (BufferAllocator allocator = Allocators.child("ArrowTransform.outputSchema");
        VectorSchemaRoot empty = VectorSchemaRoot.create(arrow, allocator);
        VectorSchemaRoot out = fn.apply(empty)) {
      StructType added = ArrowUtils.fromArrowSchema(out.getSchema());
      if (!keepInput) {
        return added;
      }
      StructType all = input;
      for (org.apache.spark.sql.types.StructField field : added.fields()) {
        if (java.util.Arrays.asList(input.fieldNames()).contains(field.name())) {
          throw new IllegalArgumentException(
              "the input already has a column '" + field.name() + "'; drop or rename it first");
        }
        all = all.add(field);
      }
      return all;
    }
  }

  /** The transformed DataFrame; the transformation runs when the result is computed. */
  static Dataset<Row> apply(BatchTransform fn, boolean keepInput, Dataset<?> df) {
    SparkSession spark = df.sparkSession();
    String timeZone = spark.sessionState().conf().sessionLocalTimeZone();
    StructType output = outputSchema(fn, df.schema(), keepInput, timeZone);
    RDD<InternalRow> rows =
        df.queryExecution()
            .toRdd()
            .mapPartitions(
                new Partition(fn, keepInput, df.schema(), output, timeZone),
                true,
                ClassTag$.MODULE$.apply(InternalRow.class));
    return SparkShim.internalCreateDataFrame(spark, rows, output);
  }

  /** Transforms one partition lazily, one Arrow batch at a time. */
  private static final class Partition
      extends AbstractFunction1<Iterator<InternalRow>, Iterator<InternalRow>>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final BatchTransform fn;
    private final boolean keepInput;
    private final StructType input;
    private final StructType output;
    private final String timeZone;

    Partition(
        BatchTransform fn,
        boolean keepInput,
        StructType input,
        StructType output,
        String timeZone) {
      this.fn = fn;
      this.keepInput = keepInput;
      this.input = input;
      this.output = output;
      this.timeZone = timeZone;
    }

    @Override
    public Iterator<InternalRow> apply(Iterator<InternalRow> rows) {
      BufferAllocator allocator = Allocators.child("ArrowTransform-partition");
      Batches batches = new Batches(rows, allocator);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) context -> batches.close());
      }
      return batches;
    }

    /** Rows of the transformed batches. */
    private final class Batches extends AbstractIterator<InternalRow> {
      private final Iterator<InternalRow> rows;
      private final BufferAllocator allocator;
      private final Schema arrow;
      private final UnsafeProjection copy;
      private VectorSchemaRoot current;
      private VectorSchemaRoot currentInput;
      private boolean closed;
      private java.util.Iterator<InternalRow> inBatch = java.util.Collections.emptyIterator();

      Batches(Iterator<InternalRow> rows, BufferAllocator allocator) {
        this.rows = rows;
        this.allocator = allocator;
        this.arrow = ArrowUtils.toArrowSchema(input, timeZone, true, false);
        this.copy = UnsafeProjection.create(output);
      }

      @Override
      public boolean hasNext() {
        while (!inBatch.hasNext()) {
          closeCurrent();
          if (!rows.hasNext()) {
            close();
            return false;
          }
          nextBatch();
        }
        return true;
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return copy.apply(inBatch.next());
      }

      private void nextBatch() {
        VectorSchemaRoot in = VectorSchemaRoot.create(arrow, allocator);
        currentInput = in;
        ArrowWriter writer = ArrowWriter.create(in);
        int n = 0;
        while (n < BATCH_ROWS && rows.hasNext()) {
          writer.write(rows.next());
          n++;
        }
        writer.finish();
        current = fn.apply(in);
        List<ColumnVector> columns = new ArrayList<>();
        if (keepInput) {
          for (FieldVector vector : in.getFieldVectors()) {
            columns.add(new ArrowColumnVector(vector));
          }
        }
        for (FieldVector vector : current.getFieldVectors()) {
          columns.add(new ArrowColumnVector(vector));
        }
        ColumnarBatch batch =
            new ColumnarBatch(columns.toArray(new ColumnVector[0]), current.getRowCount());
        inBatch = batch.rowIterator();
      }

      private void closeCurrent() {
        if (current != null) {
          current.close();
          current = null;
        }
        if (currentInput != null) {
          currentInput.close();
          currentInput = null;
        }
      }

      void close() {
        if (!closed) {
          closed = true;
          closeCurrent();
          inBatch = java.util.Collections.emptyIterator();
          allocator.close();
        }
      }
    }
  }
}
