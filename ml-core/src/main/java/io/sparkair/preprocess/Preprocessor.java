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
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A transformation of a dataset's columns whose statistics are learnt from one dataset and then
 * applied, unchanged, to others: in training, in batch prediction and in serving, which is why a
 * fitted preprocessor travels inside every checkpoint.
 *
 * <p>Semantics follow Ray AIR's preprocessors. Statistics are population statistics computed over
 * the non-null values; {@link #fit} mutates this preprocessor and returns it; transforming with a
 * preprocessor that needs fitting and was not fitted throws {@link PreprocessorNotFittedException};
 * columns a preprocessor does not name pass through unchanged and keep their order; nulls stay null
 * unless the preprocessor exists to fill them. A named column that does not exist fails with an
 * {@link IllegalArgumentException} naming it.
 *
 * <p>A fitted preprocessor is immutable in use: {@link #transformBatch} may be called from many
 * threads at once. Preprocessors are {@link Serializable} (they run in executors) and round-trip
 * through JSON with {@link Preprocessors#toJson} and {@link Preprocessors#fromJson}; a preprocessor
 * of your own round-trips too when it implements {@link PersistentPreprocessor}.
 *
 * <p>A dataset is any {@link BatchDataset}: Spark AIR's distributed {@code AirDataset}, where the
 * work runs where the blocks live, or a {@link io.sparkair.runtime.batch.LocalDataset} of batches
 * in this JVM. Nothing here needs Spark (the serving sidecar runs preprocessors without it).
 */
public interface Preprocessor extends Serializable {

  /**
   * Computes the statistics from a dataset: partial aggregates per part of the dataset (per block,
   * where it lives, for an {@code AirDataset}), merged here. A preprocessor with nothing to learn
   * returns at once.
   *
   * @param <D> the kind of dataset
   * @return this preprocessor, now fitted
   */
  <D extends BatchDataset<D>> Preprocessor fit(D dataset);

  /**
   * Computes the statistics from Arrow batches in this JVM, exactly as {@link #fit(BatchDataset)}
   * would from a dataset of the same rows.
   *
   * @return this preprocessor, now fitted
   */
  Preprocessor fitBatches(Iterable<VectorSchemaRoot> batches);

  /**
   * A new dataset of the transformed rows, of the same kind as {@code dataset} (made where the
   * blocks live, for an {@code AirDataset}).
   *
   * @param <D> the kind of dataset
   */
  <D extends BatchDataset<D>> D transform(D dataset);

  /**
   * Fits on {@code dataset}, then transforms it.
   *
   * @param <D> the kind of dataset
   */
  default <D extends BatchDataset<D>> D fitTransform(D dataset) {
    return fit(dataset).transform(dataset);
  }

  /**
   * Transforms one Arrow batch. The input is left as it was and stays owned by the caller; the
   * result is a new batch (sharing the buffers of the columns passed through) that the caller
   * closes.
   */
  VectorSchemaRoot transformBatch(VectorSchemaRoot batch);

  /**
   * The fitted statistics, keyed as Ray names them ({@code mean(B)}, {@code std(B)}, {@code
   * min(B)}, {@code max(B)}, {@code unique_values(C)}, ...); empty before fitting.
   */
  Map<String, Object> stats();

  /** Whether this preprocessor can transform: it was fitted, or has nothing to learn. */
  boolean isFitted();
}
