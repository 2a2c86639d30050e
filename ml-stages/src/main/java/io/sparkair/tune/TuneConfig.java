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
import java.time.Duration;
import java.util.Objects;

/**
 * How a Tuner searches: the metric and mode, {@code numSamples} passes over the grid, the searcher
 * and scheduler, how many trials run at once (0: as many as the cluster's task slots allow, leaving
 * {@code reservedCpuFraction} of them, 20% by default, for data work; at least one trial always
 * runs), an optional time limit, and the seed that makes an experiment repeat. It is saved with the
 * experiment, searcher and scheduler included, so that {@link Tuner#restore} continues it.
 */
public final class TuneConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Passes over the grid; see {@link #setNumSamples}. */
  private int numSamples = 1;

  /** The metric to optimize, or null if not set. */
  private String metric;

  /** {@code min} or {@code max}, or null if no metric is set. */
  private String mode;

  /** The searcher, or null for the basic variant generator. */
  private Searcher searcher;

  /** The trial scheduler; FIFO by default. */
  private TrialScheduler scheduler = TrialScheduler.fifo();

  /** Trials run at once, or 0 for as many as the task slots allow. */
  private int maxConcurrentTrials;

  /** Fraction of the task slots left for data work. */
  private double reservedCpuFraction = 0.2;

  /** The seed of the searcher's random choices. */
  private long seed = 42;

  /** The experiment's time limit, or null for none. */
  private Duration timeLimit;

  /** Whether trials' worker groups are kept for later trials. */
  private boolean reuseActors;

  /** Samples once, with the basic variant generator and FIFO scheduling. */
  public TuneConfig() {}

  /** A copy of this configuration, sharing its searcher and scheduler. */
  public TuneConfig copy() {
    TuneConfig copy = new TuneConfig();
    copy.numSamples = numSamples;
    copy.metric = metric;
    copy.mode = mode;
    copy.searcher = searcher;
    copy.scheduler = scheduler;
    copy.maxConcurrentTrials = maxConcurrentTrials;
    copy.reservedCpuFraction = reservedCpuFraction;
    copy.seed = seed;
    copy.timeLimit = timeLimit;
    copy.reuseActors = reuseActors;
    return copy;
  }

  /**
   * Sets how many times the basic variant generator samples the search space (1 by default); must
   * be positive. Tuning with a {@link #setSearcher searcher} requires the default of 1, as the
   * searcher has its own count.
   */
  public TuneConfig setNumSamples(int numSamples) {
    if (numSamples <= 0) {
      throw new IllegalArgumentException("numSamples must be > 0, got " + numSamples);
    }
    this.numSamples = numSamples;
    return this;
  }

  /**
   * The metric to optimize and whether lower or higher is better.
   *
   * @param mode {@code min} or {@code max}
   */
  public TuneConfig setMetric(String metric, String mode) {
    if (!"min".equals(mode) && !"max".equals(mode)) {
      throw new IllegalArgumentException("mode must be min or max, got " + mode);
    }
    this.metric = Objects.requireNonNull(metric, "metric");
    this.mode = mode;
    return this;
  }

  /** A searcher other than the basic variant generator. */
  public TuneConfig setSearcher(Searcher searcher) {
    this.searcher = searcher;
    return this;
  }

  /**
   * The scheduler that decides whether trials continue or stop early (FIFO by default: none stop
   * early).
   */
  public TuneConfig setScheduler(TrialScheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * Sets the most trials run at once; 0 (the default) runs as many as the cluster's task slots
   * allow after the {@link #setReservedCpuFraction reserved fraction}. Must not be negative.
   */
  public TuneConfig setMaxConcurrentTrials(int trials) {
    if (trials < 0) {
      throw new IllegalArgumentException("maxConcurrentTrials must be >= 0, got " + trials);
    }
    this.maxConcurrentTrials = trials;
    return this;
  }

  /**
   * Sets the fraction of the cluster's task slots that trials leave for data work; in [0, 1), 0.2
   * by default. At least one trial runs whatever the fraction.
   */
  public TuneConfig setReservedCpuFraction(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("reservedCpuFraction must be in [0, 1), got " + fraction);
    }
    this.reservedCpuFraction = fraction;
    return this;
  }

  /**
   * Ends the experiment after {@code limit} (Ray's {@code time_budget_s}): no trial starts after
   * it, and running trials stop at their next report, keeping their last result and checkpoint.
   * Trials not started by then stay pending; a restore runs them.
   */
  public TuneConfig setTimeLimit(Duration limit) {
    if (limit != null && (limit.isNegative() || limit.isZero())) {
      throw new IllegalArgumentException("timeLimit must be positive, got " + limit);
    }
    this.timeLimit = limit;
    return this;
  }

  /** The experiment's time limit, or null for none. */
  public Duration timeLimit() {
    return timeLimit;
  }

  /**
   * Keeps trials' worker groups for later trials of the same size (Ray's {@code reuse_actors}),
   * saving the start of a group (a Spark job and the workers' actors) per trial. Off by default.
   * Idle groups keep their task slots; trials with a preprocessor do not reuse them.
   */
  public TuneConfig setReuseActors(boolean reuse) {
    this.reuseActors = reuse;
    return this;
  }

  /** Whether trials' worker groups are reused, as set by {@link #setReuseActors}. */
  public boolean reuseActors() {
    return reuseActors;
  }

  /**
   * Sets the seed of the searcher's random choices (42 by default), so that an experiment repeats.
   */
  public TuneConfig setSeed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The number of samples set by {@link #setNumSamples}. */
  public int numSamples() {
    return numSamples;
  }

  /** The metric to optimize, or null if {@link #setMetric} was not called. */
  public String metric() {
    return metric;
  }

  /** {@code min} or {@code max}, or null if {@link #setMetric} was not called. */
  public String mode() {
    return mode;
  }

  /** The searcher, or null for the basic variant generator. */
  public Searcher searcher() {
    return searcher;
  }

  /** The trial scheduler. */
  public TrialScheduler scheduler() {
    return scheduler;
  }

  /** The most trials run at once, or 0 for as many as the task slots allow. */
  public int maxConcurrentTrials() {
    return maxConcurrentTrials;
  }

  /** The fraction of the task slots left for data work. */
  public double reservedCpuFraction() {
    return reservedCpuFraction;
  }

  /** The seed of the searcher's random choices. */
  public long seed() {
    return seed;
  }
}
