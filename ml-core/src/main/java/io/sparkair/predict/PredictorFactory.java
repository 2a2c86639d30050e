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

import io.sparkair.checkpoint.Checkpoint;
import java.io.Serializable;

/** Makes a predictor from a checkpoint, e.g. {@code XGBoostPredictor::fromCheckpoint}. */
@FunctionalInterface
public interface PredictorFactory extends Serializable {
  /** Makes a predictor of {@code checkpoint}'s model. */
  Predictor create(Checkpoint checkpoint);
}
