package io.sparkair.predict;

import io.sparkair.checkpoint.Checkpoint;

/**
 * Makes the predictor of one checkpoint framework. Providers are found with
 * {@link java.util.ServiceLoader}, as checkpoint storages are: list an implementation in
 * {@code META-INF/services/io.sparkair.predict.PredictorProvider} and {@code AirModel}, the
 * serving sidecar and {@link Predictors} pick it for checkpoints of its framework. Spark AIR's
 * own serve {@code xgboost}, {@code lightgbm} and {@code djl-pytorch}.
 *
 * <p>An implementation must be cheap to create and must not need its framework's library until
 * {@link #load} (the sidecar lists providers without DJL on its classpath).
 */
public interface PredictorProvider {
  /** The framework of the checkpoints it reads, as their metadata names it. */
  String framework();

  /** The name of the {@link Predictor} class it makes. */
  String predictorClassName();

  /**
   * Loads the checkpoint's model.
   *
   * @throws IllegalArgumentException when the checkpoint is of another framework or unreadable
   */
  Predictor load(Checkpoint checkpoint);
}
