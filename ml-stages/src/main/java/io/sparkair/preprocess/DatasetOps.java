package io.sparkair.preprocess;

import io.sparkair.data.AirDataset;
import java.io.Serializable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.ArrowUtils;

/**
 * The dataset side of preprocessors, kept in its own class so that the Spark-free classes never
 * name Spark AIR's dataset types in their method bodies: this class loads only when a dataset is
 * fitted or transformed. Both check the columns on the driver, with an empty batch of the
 * dataset's schema, before any Spark job starts.
 */
final class DatasetOps {
  private DatasetOps() {}

  static <A extends Serializable> A fold(FittablePreprocessor<A> preprocessor,
      AirDataset dataset) {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot empty = emptyBatch(dataset, allocator)) {
      preprocessor.add(preprocessor.zero(), empty);
    }
    return dataset.aggregateBatches(new DatasetFit<>(preprocessor));
  }

  static AirDataset transform(Preprocessor preprocessor, AirDataset dataset) {
    StructType output;
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot empty = emptyBatch(dataset, allocator);
        VectorSchemaRoot out = preprocessor.transformBatch(empty)) {
      output = ArrowUtils.fromArrowSchema(out.getSchema());
    }
    return dataset.mapBatches((batch, allocator) -> preprocessor.transformBatch(batch),
        AirDataset.BATCH_ROWS, output);
  }

  private static VectorSchemaRoot emptyBatch(AirDataset dataset, BufferAllocator allocator) {
    return VectorSchemaRoot.create(
        ArrowUtils.toArrowSchema(dataset.arrowSchema(), "UTC", true, false), allocator);
  }
}
