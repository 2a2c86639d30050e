package io.sparkair.preprocess;

import io.sparkair.data.AirDataset;
import java.io.Serializable;

/**
 * The dataset side of preprocessors, kept in its own class so that the Spark-free classes never
 * name Spark AIR's dataset types in their method bodies: this class loads only when a dataset is
 * fitted or transformed.
 */
final class DatasetOps {
  private DatasetOps() {}

  static <A extends Serializable> A fold(FittablePreprocessor<A> preprocessor,
      AirDataset dataset) {
    return dataset.aggregateBatches(new DatasetFit<>(preprocessor));
  }

  static AirDataset transform(Preprocessor preprocessor, AirDataset dataset) {
    return dataset.mapBatches((batch, allocator) -> preprocessor.transformBatch(batch),
        AirDataset.BATCH_ROWS);
  }
}
