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

import java.util.Map;
import java.util.Objects;

/**
 * A scheduler that judges each report by its time attribute and its metric, turned into a score
 * where higher is better whatever the mode. Reports lacking either continue.
 */
abstract class TimedScheduler implements TrialScheduler {
  private final String timeAttr;
  private String metric;
  private boolean maximize;

  TimedScheduler(String timeAttr) {
    this.timeAttr = Objects.requireNonNull(timeAttr, "timeAttr");
  }

  @Override
  public final void setup(String metric, String mode) {
    this.metric = metric;
    this.maximize = "max".equals(mode);
  }

  @Override
  public final Decision onTrialResult(String trialId, Map<String, Object> metrics) {
    Object t = metrics.get(timeAttr);
    Object v = metrics.get(metric);
    if (!(t instanceof Number) || !(v instanceof Number)) {
      return Decision.CONTINUE;
    }
    double value = ((Number) v).doubleValue();
    return onResult(trialId, ((Number) t).doubleValue(), maximize ? value : -value);
  }

  /** Judges a report at {@code time} whose score (higher is better) is {@code score}. */
  abstract Decision onResult(String trialId, double time, double score);
}
