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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops a trial whose best result so far is worse than the median of the other trials' running
 * averages at the same time (Ray's {@code MedianStoppingRule}), once it has run {@code gracePeriod}
 * time units and at least {@code minSamplesRequired} other trials have results.
 */
public final class MedianStoppingRule extends TimedScheduler {
  /** Time units before a trial can be stopped. */
  private final double gracePeriod;

  /** Other trials with results needed before a trial can be stopped. */
  private final int minSamplesRequired;

  /** Each trial's reports as (time, score) pairs, by trial id. */
  private final Map<String, List<double[]>> history = new HashMap<>();

  /**
   * A rule judging reports by the time attribute {@code timeAttr} (e.g. {@code
   * training_iteration}); {@code gracePeriod} must not be negative and {@code minSamplesRequired}
   * must be at least 1, else IllegalArgumentException.
   */
  public MedianStoppingRule(String timeAttr, double gracePeriod, int minSamplesRequired) {
    super(timeAttr);
    if (gracePeriod < 0 || minSamplesRequired < 1) {
      throw new IllegalArgumentException(
          "median stopping needs gracePeriod >= 0 and "
              + "minSamplesRequired >= 1, got "
              + gracePeriod
              + ", "
              + minSamplesRequired);
    }
    this.gracePeriod = gracePeriod;
    this.minSamplesRequired = minSamplesRequired;
  }

  @Override
  Decision onResult(String trialId, double time, double score) {
    List<double[]> mine = history.computeIfAbsent(trialId, k -> new ArrayList<>());
    mine.add(new double[] {time, score});
    if (time < gracePeriod) {
      return Decision.CONTINUE;
    }
    List<Double> averages = new ArrayList<>();
    history.forEach(
        (other, results) -> {
          if (!other.equals(trialId)) {
            double sum = 0;
            int n = 0;
            for (double[] r : results) {
              if (r[0] <= time) {
                sum += r[1];
                n++;
              }
            }
            if (n > 0) {
              averages.add(sum / n);
            }
          }
        });
    if (averages.size() < minSamplesRequired) {
      return Decision.CONTINUE;
    }
    averages.sort(null);
    int m = averages.size();
    double median =
        m % 2 == 1 ? averages.get(m / 2) : (averages.get(m / 2 - 1) + averages.get(m / 2)) / 2;
    double best = mine.stream().mapToDouble(r -> r[1]).max().orElse(score);
    return best < median ? Decision.STOP : Decision.CONTINUE;
  }
}
