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
package io.sparkair.train;

import java.io.Serializable;
import java.util.Map;

/**
 * The code each training worker runs (Ray's {@code train_loop_per_worker}). It runs in the
 * executors, so it must be serializable.
 */
@FunctionalInterface
public interface TrainLoop extends Serializable {
  /**
   * Trains.
   *
   * @param config the trainer's loop configuration
   * @param context this worker's shards, rank and reporting
   */
  void run(Map<String, Object> config, TrainContext context) throws Exception;
}
