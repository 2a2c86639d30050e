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

import io.sparkair.train.Result;
import java.util.Map;

/** One trial of an experiment: its id, configuration, and the run's result or error. */
public final class TrialResult {
  private final String trialId;
  private final Map<String, Object> config;
  private final Result result;
  private final Throwable error;
  private final boolean stoppedEarly;

  TrialResult(
      String trialId,
      Map<String, Object> config,
      Result result,
      Throwable error,
      boolean stoppedEarly) {
    this.trialId = trialId;
    this.config = config;
    this.result = result;
    this.error = error;
    this.stoppedEarly = stoppedEarly;
  }

  /** The trial's id, e.g. {@code trial_00000}; it names the trial's directory in the experiment. */
  public String trialId() {
    return trialId;
  }

  /** The sampled configuration. */
  public Map<String, Object> config() {
    return config;
  }

  /** The trial's run: metrics, history, checkpoints; null if it failed before starting. */
  public Result result() {
    return result;
  }

  /** The last report, or empty. */
  public Map<String, Object> metrics() {
    return result == null ? Map.of() : result.metrics();
  }

  /** Why the trial failed, or null. */
  public Throwable error() {
    return error;
  }

  /** Whether the scheduler stopped it with fewer iterations than the longest trial ran. */
  public boolean stoppedEarly() {
    return stoppedEarly;
  }

  @Override
  public String toString() {
    return trialId + " " + config + " -> " + (error != null ? "error: " + error : metrics());
  }
}
