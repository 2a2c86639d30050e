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
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A preprocessor with nothing to learn: fitting does nothing and it can always transform. */
public abstract class StatelessPreprocessor extends AbstractPreprocessor {
  private static final long serialVersionUID = 1L;

  @Override
  public final <D extends BatchDataset<D>> Preprocessor fit(D dataset) {
    return this;
  }

  @Override
  public final Preprocessor fitBatches(Iterable<VectorSchemaRoot> batches) {
    return this;
  }

  @Override
  public Map<String, Object> stats() {
    return Map.of();
  }

  @Override
  public final boolean isFitted() {
    return true;
  }
}
