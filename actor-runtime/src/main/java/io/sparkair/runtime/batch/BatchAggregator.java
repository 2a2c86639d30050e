package io.sparkair.runtime.batch;

import java.io.Serializable;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A distributed fold over a dataset's Arrow batches for {@link BatchDataset#aggregateBatches}:
 * each block is folded where it lives, starting from {@link #zero()}, and the partial results
 * are merged on the driver. It runs in the executors, so it must be serializable, and so must
 * its partial results.
 *
 * @param <A> the partial result
 */
public interface BatchAggregator<A extends Serializable> extends Serializable {
  /** An empty partial result. */
  A zero();

  /**
   * Folds one batch into a partial result, which may be updated in place and returned.
   *
   * @param batch the rows; valid only during the call
   */
  A add(A partial, VectorSchemaRoot batch);

  /** Merges two partial results; either may be updated in place and returned. */
  A merge(A left, A right);
}
