package io.sparkair.tune;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a Tuner searches: the metric and mode, {@code numSamples} passes over the grid, the
 * searcher and scheduler, how many trials run at once (0: as many as the cluster's task slots
 * allow, leaving {@code reservedCpuFraction} of them, 20% by default, for data work; at least
 * one trial always runs), an optional time limit, and the seed that makes an experiment repeat.
 * It is saved with the experiment, searcher and scheduler included, so that
 * {@link Tuner#restore} continues it.
 */
public final class TuneConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private int numSamples = 1;
  private String metric;
  private String mode;
  private Searcher searcher;
  private TrialScheduler scheduler = TrialScheduler.fifo();
  private int maxConcurrentTrials;
  private double reservedCpuFraction = 0.2;
  private long seed = 42;
  private Duration timeLimit;
  private boolean reuseActors;

  /** Samples once, with the basic variant generator and FIFO scheduling. */
  public TuneConfig() {}

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

  public TuneConfig setScheduler(TrialScheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  public TuneConfig setMaxConcurrentTrials(int trials) {
    if (trials < 0) {
      throw new IllegalArgumentException("maxConcurrentTrials must be >= 0, got " + trials);
    }
    this.maxConcurrentTrials = trials;
    return this;
  }

  public TuneConfig setReservedCpuFraction(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("reservedCpuFraction must be in [0, 1), got "
          + fraction);
    }
    this.reservedCpuFraction = fraction;
    return this;
  }

  /**
   * Ends the experiment after {@code limit} (Ray's {@code time_budget_s}): no trial starts
   * after it, and running trials stop at their next report, keeping their last result and
   * checkpoint. Trials not started by then stay pending; a restore runs them.
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

  public boolean reuseActors() {
    return reuseActors;
  }

  public TuneConfig setSeed(long seed) {
    this.seed = seed;
    return this;
  }

  public int numSamples() {
    return numSamples;
  }

  public String metric() {
    return metric;
  }

  public String mode() {
    return mode;
  }

  /** The searcher, or null for the basic variant generator. */
  public Searcher searcher() {
    return searcher;
  }

  public TrialScheduler scheduler() {
    return scheduler;
  }

  public int maxConcurrentTrials() {
    return maxConcurrentTrials;
  }

  public double reservedCpuFraction() {
    return reservedCpuFraction;
  }

  public long seed() {
    return seed;
  }
}
