package io.sparkair.predict;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A model loaded from a checkpoint, predicting on Arrow batches: the checkpoint's preprocessor
 * is applied first, exactly as in training. Implementations say whether {@link #predict} may run
 * on several threads at once. Each has a static {@code fromCheckpoint(Checkpoint)}.
 */
public interface Predictor extends AutoCloseable {
  /**
   * Predicts for every row of a batch.
   *
   * @param batch input rows; left as they were and owned by the caller
   * @return a new batch of the prediction columns only, one row per input row, that the caller
   *     closes
   */
  VectorSchemaRoot predict(VectorSchemaRoot batch);

  /** Frees the model. */
  @Override
  void close();
}
