package io.sparkair.preprocess;

import io.sparkair.runtime.batch.BatchDataset;
import io.sparkair.runtime.memory.Allocators;
import java.io.Serializable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The dataset side of preprocessors. Both operations check the columns here, with an empty batch
 * of the dataset's schema, before any work reaches the dataset's blocks.
 */
final class DatasetOps {
  private DatasetOps() {}

  static <A extends Serializable> A fold(FittablePreprocessor<A> preprocessor,
      BatchDataset<?> dataset) {
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
    return dataset.mapBatches((batch, allocator) -> preprocessor.transformBatch(batch),
        BatchDataset.DEFAULT_BATCH_ROWS, output);
  }
}
