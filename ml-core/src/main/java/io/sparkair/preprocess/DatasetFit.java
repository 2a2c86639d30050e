package io.sparkair.preprocess;

import io.sparkair.runtime.batch.BatchAggregator;
import java.io.Serializable;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A preprocessor's fit as a distributed fold over a dataset's batches. */
final class DatasetFit<A extends Serializable> implements BatchAggregator<A> {
  private static final long serialVersionUID = 1L;

  private final FittablePreprocessor<A> preprocessor;

  DatasetFit(FittablePreprocessor<A> preprocessor) {
    this.preprocessor = preprocessor;
  }

  @Override
  public A zero() {
    return preprocessor.zero();
  }

  @Override
  public A add(A partial, VectorSchemaRoot batch) {
    return preprocessor.add(partial, batch);
  }

  @Override
  public A merge(A left, A right) {
    return preprocessor.merge(left, right);
  }
}
