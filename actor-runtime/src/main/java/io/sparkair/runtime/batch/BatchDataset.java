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
package io.sparkair.runtime.batch;

import java.io.Serializable;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows held as Arrow batches, seen only through what preprocessors need: the batches' schema, a map
 * over batches and a fold over batches. It names no Spark type, so the code written against it runs
 * with or without Spark: Spark AIR's distributed {@code AirDataset} implements it, and so does
 * {@link LocalDataset}, a list of batches in this JVM.
 *
 * @param <D> the implementing type, which {@link #mapBatches} returns
 */
public interface BatchDataset<D extends BatchDataset<D>> extends AutoCloseable {
  /** The batch size that a caller without a better choice passes to {@link #mapBatches}. */
  int DEFAULT_BATCH_ROWS = 64_512;

  /** The Arrow schema of every batch. */
  Schema batchSchema();

  /**
   * A new dataset of {@code fn} applied to each batch of at most {@code batchRows} rows.
   *
   * @param outputSchema the schema of every batch {@code fn} returns
   * @throws IllegalArgumentException when {@code batchRows} is not positive
   */
  D mapBatches(BatchFunction fn, int batchRows, Schema outputSchema);

  /**
   * Folds every batch into one result: each part of the dataset is folded from {@link
   * BatchAggregator#zero()}, and the partial results are merged in order.
   */
  <A extends Serializable> A aggregateBatches(BatchAggregator<A> aggregator);

  /** Releases the batches' memory; the dataset cannot be used afterwards. */
  @Override
  void close();
}
