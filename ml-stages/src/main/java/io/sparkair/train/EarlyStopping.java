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

import java.util.Map;

/**
 * Stops a run when a metric has not improved for {@code patience} reports in a row: improving means
 * beating the best value so far by more than {@code minDelta}, downwards for {@code min}, upwards
 * for {@code max}.
 */
public final class EarlyStopping implements TrainingCallback {
  private final String metric;
  private final boolean maximize;
  private final int patience;
  private final double minDelta;
  private double best;
  private int stale;
  private boolean seen;

  /**
   * @param metric the reported metric to watch, e.g. {@code valid-logloss}
   * @param mode {@code min} or {@code max}
   * @param patience reports without improvement before stopping; at least 1
   * @param minDelta the smallest change that counts as an improvement; at least 0
   */
  public EarlyStopping(String metric, String mode, int patience, double minDelta) {
    if (!"min".equals(mode) && !"max".equals(mode)) {
      throw new IllegalArgumentException("mode must be min or max, got " + mode);
    }
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be >= 1, got " + patience);
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
    }
    this.metric = java.util.Objects.requireNonNull(metric, "metric");
    this.maximize = "max".equals(mode);
    this.patience = patience;
    this.minDelta = minDelta;
  }

  @Override
  public void onStart(String run, int attempt) {
    seen = false;
    stale = 0;
  }

  @Override
  public void onReport(Map<String, Object> metrics) {
    Object value = metrics.get(metric);
    if (!(value instanceof Number)) {
      throw new IllegalArgumentException(
          "early stopping watches '"
              + metric
              + "', which the report does not hold as a number: "
              + metrics.keySet());
    }
    double v = ((Number) value).doubleValue();
    boolean better = !seen || (maximize ? v > best + minDelta : v < best - minDelta);
    if (better) {
      best = v;
      seen = true;
      stale = 0;
    } else {
      stale++;
    }
  }

  @Override
  public boolean shouldStop() {
    return stale >= patience;
  }
}
