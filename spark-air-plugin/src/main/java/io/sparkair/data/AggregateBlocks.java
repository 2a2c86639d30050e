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

import io.sparkair.runtime.batch.BatchAggregator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of an aggregation task: folds the Arrow batches of the blocks it reads (as Spark's
 * {@link ArrowColumnVector}s over the blocks' own buffers) into one partial result.
 */
final class AggregateBlocks<A extends Serializable>
    extends AbstractFunction1<Iterator<Object>, Iterator<A>> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final BatchAggregator<A> aggregator;

  AggregateBlocks(BatchAggregator<A> aggregator) {
    this.aggregator = aggregator;
  }

  @Override
  public Iterator<A> apply(Iterator<Object> batches) {
    A partial = aggregator.zero();
    while (batches.hasNext()) {
      Object next = batches.next();
      if (!(next instanceof ColumnarBatch)) {
        throw new IllegalStateException(
            "an aggregation reads Arrow batches, got " + next.getClass().getName());
      }
      partial = aggregator.add(partial, arrow((ColumnarBatch) next));
    }
    return scala.collection.Iterator$.MODULE$.single(partial);
  }

  /** The Arrow batch under a batch of {@link ArrowColumnVector}s; it owns no buffers. */
  private static VectorSchemaRoot arrow(ColumnarBatch batch) {
    List<FieldVector> vectors = new ArrayList<>(batch.numCols());
    for (int c = 0; c < batch.numCols(); c++) {
      vectors.add((FieldVector) ((ArrowColumnVector) batch.column(c)).getValueVector());
    }
    return new VectorSchemaRoot(vectors);
  }
}
