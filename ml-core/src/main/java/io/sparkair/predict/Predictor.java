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
package io.sparkair.predict;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A model loaded from a checkpoint, predicting on Arrow batches: the checkpoint's preprocessor is
 * applied first, exactly as in training. Implementations say whether {@link #predict} may run on
 * several threads at once. Each has a static {@code fromCheckpoint(Checkpoint)}.
 */
public interface Predictor extends AutoCloseable {
  /**
   * Predicts for every row of a batch.
   *
   * @param batch input rows; left as they were and owned by the caller
   * @return a new batch of the prediction columns only, one row per input row, that the caller
   *     closes
   */
  VectorSchemaRoot predict(VectorSchemaRoot batch);

  /**
   * The columns the model reads, in order, after the checkpoint's preprocessor, when the predictor
   * knows them; empty when it does not. A server describes its model with them.
   */
  default List<String> inputColumns() {
    return List.of();
  }

  /** Frees the model. */
  @Override
  void close();
}
