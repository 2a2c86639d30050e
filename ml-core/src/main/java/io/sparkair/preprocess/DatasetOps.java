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
package io.sparkair.preprocess;

import io.sparkair.runtime.batch.BatchDataset;
import io.sparkair.runtime.memory.Allocators;
import java.io.Serializable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The dataset side of preprocessors. Both operations check the columns here, with an empty batch of
 * the dataset's schema, before any work reaches the dataset's blocks.
 */
final class DatasetOps {
  private DatasetOps() {}

  static <A extends Serializable> A fold(
      FittablePreprocessor<A> preprocessor, BatchDataset<?> dataset) {
    try (BufferAllocator allocator = Allocators.child("DatasetOps");
        VectorSchemaRoot empty = VectorSchemaRoot.create(dataset.batchSchema(), allocator)) {
      preprocessor.add(preprocessor.zero(), empty);
    }
    return dataset.aggregateBatches(new DatasetFit<>(preprocessor));
  }

  static <D extends BatchDataset<D>> D transform(Preprocessor preprocessor, D dataset) {
    Schema output;
    try (BufferAllocator allocator = Allocators.child("DatasetOps");
        VectorSchemaRoot empty = VectorSchemaRoot.create(dataset.batchSchema(), allocator);
        VectorSchemaRoot out = preprocessor.transformBatch(empty)) {
      output = out.getSchema();
    }
    return dataset.mapBatches(
        (batch, allocator) -> preprocessor.transformBatch(batch),
        BatchDataset.DEFAULT_BATCH_ROWS,
        output);
  }
}
