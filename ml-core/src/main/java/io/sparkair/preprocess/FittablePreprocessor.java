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
import java.io.Serializable;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A preprocessor that learns statistics: its fit is a fold of partial results {@code A} over
 * batches, merged across blocks, then completed into the fitted state.
 *
 * @param <A> the partial statistics of some batches
 */
public abstract class FittablePreprocessor<A extends Serializable> extends AbstractPreprocessor {
  private static final long serialVersionUID = 1L;

  @Override
  public final <D extends BatchDataset<D>> Preprocessor fit(D dataset) {
    Objects.requireNonNull(dataset, "dataset");
    complete(DatasetOps.fold(this, dataset));
    return this;
  }

  @Override
  public final Preprocessor fitBatches(Iterable<VectorSchemaRoot> batches) {
    Objects.requireNonNull(batches, "batches");
    A partial = zero();
    for (VectorSchemaRoot batch : batches) {
      partial = add(partial, batch);
    }
    complete(partial);
    return this;
  }

  /** Empty partial statistics. */
  protected abstract A zero();

  /** Folds a batch into partial statistics (which may be updated in place and returned). */
  protected abstract A add(A partial, VectorSchemaRoot batch);

  /** Merges partial statistics (either may be updated in place and returned). */
  protected abstract A merge(A left, A right);

  /** Sets the fitted state from the statistics of every row. */
  protected abstract void complete(A all);
}
