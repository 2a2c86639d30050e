package io.sparkair.predict;

import io.sparkair.checkpoint.Checkpoint;
import java.io.Serializable;

/** Makes a predictor from a checkpoint, e.g. {@code XGBoostPredictor::fromCheckpoint}. */
@FunctionalInterface
public interface PredictorFactory extends Serializable {
  /** Makes a predictor of {@code checkpoint}'s model. */
  Predictor create(Checkpoint checkpoint);
}
