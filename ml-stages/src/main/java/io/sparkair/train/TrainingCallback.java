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

import io.sparkair.checkpoint.Checkpoint;
import java.util.Map;

/**
 * Called on the driver as a run goes: at the start of each attempt, on each report of rank 0, on
 * each checkpoint kept, and at the end. Every method does nothing unless overridden.
 */
public interface TrainingCallback {
  /** An attempt starts (attempt 0, then one more after each failure). */
  default void onStart(String run, int attempt) {}

  /** Rank 0 reported metrics (with {@code training_iteration}, {@code time_total_s}). */
  default void onReport(Map<String, Object> metrics) {}

  /** A checkpoint was reported and stored. */
  default void onCheckpoint(Checkpoint checkpoint, Map<String, Object> metrics) {}

  /**
   * Whether the run should stop now, asked after each report; the workers learn it through {@link
   * TrainContext#shouldStop()}.
   */
  default boolean shouldStop() {
    return false;
  }

  /** The run ended; {@code error} is null when it succeeded. */
  default void onEnd(Result result, Throwable error) {}
}
