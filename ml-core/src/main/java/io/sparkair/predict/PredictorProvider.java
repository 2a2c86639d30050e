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

/**
 * Makes the predictor of one checkpoint framework. Providers are found with {@link
 * java.util.ServiceLoader}, as checkpoint storages are: list an implementation in {@code
 * META-INF/services/io.sparkair.predict.PredictorProvider} and {@code AirModel}, the serving
 * sidecar and {@link Predictors} pick it for checkpoints of its framework. Spark AIR's own serve
 * {@code xgboost}, {@code lightgbm} and {@code djl-pytorch}.
 *
 * <p>An implementation must be cheap to create and must not need its framework's library until
 * {@link #load} (the sidecar lists providers without DJL on its classpath).
 */
public interface PredictorProvider {
  /** The framework of the checkpoints it reads, as their metadata names it. */
  String framework();

  /** The name of the {@link Predictor} class it makes. */
  String predictorClassName();

  /**
   * Loads the checkpoint's model.
   *
   * @throws IllegalArgumentException when the checkpoint is of another framework or unreadable
   */
  Predictor load(Checkpoint checkpoint);
}
