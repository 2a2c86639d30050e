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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the progress table and report show of one trial, updated as it reports. */
final class TrialStatus {
  final String trialId;
  final Map<String, Object> config;
  volatile long started = System.nanoTime();
  final List<double[]> curve = new ArrayList<>();
  volatile String state = "PENDING";
  volatile long ended;
  volatile Map<String, Object> latest = Map.of();

  TrialStatus(String trialId, Map<String, Object> config) {
    this.trialId = trialId;
    this.config = config;
  }

  synchronized void report(Map<String, Object> metrics, String metric) {
    latest = metrics;
    state = "RUNNING";
    Object t = metrics.get("training_iteration");
    Object v = metrics.get(metric);
    if (t instanceof Number && v instanceof Number) {
      curve.add(new double[] {((Number) t).doubleValue(), ((Number) v).doubleValue()});
    }
  }

  /** The trial starts running now. */
  void start() {
    started = System.nanoTime();
    state = "RUNNING";
  }

  /** The trial ended as {@code finalState} after reporting {@code history}. */
  void end(List<Map<String, Object>> history, String finalState, String metric) {
    synchronized (this) {
      curve.clear();
      history.forEach(m -> report(m, metric));
    }
    ended = System.nanoTime();
    state = finalState;
  }

  /** Seconds the trial has run, or ran. */
  double seconds() {
    long end = ended != 0 ? ended : System.nanoTime();
    return (end - started) / 1e9;
  }

  synchronized List<double[]> curve() {
    return new ArrayList<>(curve);
  }
}
