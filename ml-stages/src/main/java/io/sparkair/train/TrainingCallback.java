package io.sparkair.train;

import io.sparkair.checkpoint.Checkpoint;
import java.util.Map;

/**
 * Called on the driver as a run goes: at the start of each attempt, on each report of rank 0,
 * on each checkpoint kept, and at the end. Every method does nothing unless overridden.
 */
public interface TrainingCallback {
  /** An attempt starts (attempt 0, then one more after each failure). */
  default void onStart(String run, int attempt) {}

  /** Rank 0 reported metrics (with {@code training_iteration}, {@code time_total_s}). */
  default void onReport(Map<String, Object> metrics) {}

  /** A checkpoint was reported and stored. */
  default void onCheckpoint(Checkpoint checkpoint, Map<String, Object> metrics) {}

  /**
   * Whether the run should stop now, asked after each report; the workers learn it through
   * {@link TrainContext#shouldStop()}.
   */
  default boolean shouldStop() {
    return false;
  }

  /** The run ended; {@code error} is null when it succeeded. */
  default void onEnd(Result result, Throwable error) {}
}
