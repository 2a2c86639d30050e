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
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A distributed fold over a dataset's Arrow batches for {@link BatchDataset#aggregateBatches}: each
 * block is folded where it lives, starting from {@link #zero()}, and the partial results are merged
 * on the driver. It runs in the executors, so it must be serializable, and so must its partial
 * results.
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
