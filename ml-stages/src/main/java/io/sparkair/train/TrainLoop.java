package io.sparkair.train;

import java.io.Serializable;
import java.util.Map;

/**
 * The code each training worker runs (Ray's {@code train_loop_per_worker}). It runs in the
 * executors, so it must be serializable.
 */
@FunctionalInterface
public interface TrainLoop extends Serializable {
  /**
   * Trains.
   *
   * @param config the trainer's loop configuration
   * @param context this worker's shards, rank and reporting
   */
  void run(Map<String, Object> config, TrainContext context) throws Exception;
}
