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
 * Chooses the configurations of trials, one at a time, and may learn from their results. Called
 * from one thread at a time. A searcher is saved with its experiment (Java serialization) after
 * every trial start and end, and restored from that save by {@link Tuner#restore}: what it learnt
 * must be in serializable fields.
 */
public interface Searcher extends Serializable {
  /**
   * Prepares the searcher for an experiment.
   *
   * @param metric the metric to optimize
   * @param mode {@code min} or {@code max}
   */
  default void setup(Map<String, ?> paramSpace, String metric, String mode, long seed) {}

  /** The configuration of the next trial, or null when this searcher has no more. */
  Map<String, Object> suggest(String trialId);

  /** A trial ended; {@code metrics} is its last report (empty when it failed early). */
  default void onTrialComplete(String trialId, Map<String, Object> metrics, boolean failed) {}
}
