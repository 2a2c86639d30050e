package io.sparkair.tune;

import java.io.Serializable;
import java.util.Map;

/**
 * Decides, after each report of a running trial, whether it continues (Ray's trial
 * schedulers). Called from one thread at a time; a stopped trial keeps its last result and
 * checkpoint. Like a {@link Searcher}, a scheduler is saved with its experiment and restored by
 * {@link Tuner#restore}, so its state must be serializable.
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
