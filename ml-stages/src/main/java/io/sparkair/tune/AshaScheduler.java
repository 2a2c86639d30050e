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
 * Asynchronous successive halving (Ray's {@code ASHAScheduler}): rungs at {@code gracePeriod *
 * reductionFactor^k} units of the time attribute, up to {@code maxT}. A trial reaching a rung
 * continues only if its metric there is among the best {@code 1 / reductionFactor} of all trials
 * that reached that rung so far; every trial stops at {@code maxT}.
 */
public final class AshaScheduler extends TimedScheduler {
  /** The most time units a trial runs. */
  private final int maxT;

  /** Time units before a trial can first be stopped. */
  private final int gracePeriod;

  /** The share kept at each rung is {@code 1 / reductionFactor}. */
  private final double reductionFactor;

  /** The rungs' times, in increasing order. */
  private final List<Integer> milestones = new ArrayList<>();

  /** The scores recorded at each rung, by rung index. */
  private final Map<Integer, List<Double>> rungs = new HashMap<>();

  /** The number of rungs each trial has reached, by trial id. */
  private final Map<String, Integer> reached = new HashMap<>();

  /**
   * @param timeAttr the reported time attribute, e.g. {@code training_iteration}
   * @param maxT the most time units a trial runs
   * @param gracePeriod time units before a trial can first be stopped
   * @param reductionFactor the share kept at each rung is {@code 1 / reductionFactor}
   */
  public AshaScheduler(String timeAttr, int maxT, int gracePeriod, double reductionFactor) {
    super(timeAttr);
    if (gracePeriod < 1 || maxT < gracePeriod || !(reductionFactor > 1)) {
      throw new IllegalArgumentException(
          "ASHA needs 1 <= gracePeriod <= maxT and "
              + "reductionFactor > 1, got gracePeriod="
              + gracePeriod
              + ", maxT="
              + maxT
              + ", reductionFactor="
              + reductionFactor);
    }
    this.maxT = maxT;
    this.gracePeriod = gracePeriod;
    this.reductionFactor = reductionFactor;
    for (double m = gracePeriod; m < maxT; m *= reductionFactor) {
      milestones.add((int) Math.round(m));
    }
  }

  /** Ray's defaults: training iterations, grace period 1, reduction factor 4. */
  public static AshaScheduler withMaxT(int maxT) {
    return new AshaScheduler("training_iteration", maxT, 1, 4);
  }

  @Override
  Decision onResult(String trialId, double time, double score) {
    if (time >= maxT) {
      return Decision.STOP;
    }
    int done = reached.getOrDefault(trialId, 0);
    Decision decision = Decision.CONTINUE;
    for (int r = done; r < milestones.size() && milestones.get(r) <= time; r++) {
      List<Double> recorded = rungs.computeIfAbsent(r, k -> new ArrayList<>());
      recorded.add(score);
      reached.put(trialId, r + 1);
      if (score < cutoff(recorded)) {
        decision = Decision.STOP;
      }
    }
    return decision;
  }

  /** The score a trial must reach to be in the top {@code 1 / reductionFactor}. */
  private double cutoff(List<Double> recorded) {
    List<Double> sorted = new ArrayList<>(recorded);
    sorted.sort(null);
    double quantile = 1 - 1 / reductionFactor;
    double position = quantile * (sorted.size() - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.size() - 1);
    return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
  }
}
