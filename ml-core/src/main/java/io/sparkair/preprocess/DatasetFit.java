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
