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
package io.sparkair.tune;

import java.io.Serializable;
import java.util.Map;

/**
 * Decides, after each report of a running trial, whether it continues (Ray's trial schedulers).
 * Called from one thread at a time; a stopped trial keeps its last result and checkpoint. Like a
 * {@link Searcher}, a scheduler is saved with its experiment and restored by {@link Tuner#restore},
 * so its state must be serializable.
 */
public interface TrialScheduler extends Serializable {
  /** What happens to a trial after a report. */
  enum Decision {
    /** The trial runs on. */
    CONTINUE,
    /** The trial stops, keeping its last result and checkpoint. */
    STOP
  }

  /** Prepares the scheduler for an experiment. */
  default void setup(String metric, String mode) {}

  /** A running trial reported {@code metrics}. */
  Decision onTrialResult(String trialId, Map<String, Object> metrics);

  /** A trial ended. */
  default void onTrialComplete(String trialId) {}

  /** Runs every trial to its end. */
  static TrialScheduler fifo() {
    return (trialId, metrics) -> Decision.CONTINUE;
  }
}
