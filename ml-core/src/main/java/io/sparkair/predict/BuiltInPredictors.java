package io.sparkair.predict;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.checkpoint.TorchCheckpoint;

/** The predictor providers of Spark AIR's own checkpoint frameworks. */
final class BuiltInPredictors {
  private BuiltInPredictors() {}

  /** XGBoost checkpoints, read by {@link XGBoostPredictor}. */
  public static final class XGBoost implements PredictorProvider {
    @Override
    public String framework() {
      return XGBoostPredictor.FRAMEWORK;
    }

    @Override
    public String predictorClassName() {
      return "io.sparkair.predict.XGBoostPredictor";
    }

    @Override
    public Predictor load(Checkpoint checkpoint) {
      return XGBoostPredictor.fromCheckpoint(checkpoint);
    }
  }

  /** LightGBM checkpoints, read by {@link LightGBMPredictor}. */
  public static final class LightGBM implements PredictorProvider {
    @Override
    public String framework() {
      return LightGBMPredictor.FRAMEWORK;
    }

    @Override
    public String predictorClassName() {
      return "io.sparkair.predict.LightGBMPredictor";
    }

    @Override
    public Predictor load(Checkpoint checkpoint) {
      return LightGBMPredictor.fromCheckpoint(checkpoint);
    }
  }

  /** DJL PyTorch checkpoints, read by {@link TorchPredictor} (needs DJL's jars). */
  public static final class Torch implements PredictorProvider {
    @Override
    public String framework() {
      return TorchCheckpoint.FRAMEWORK;
    }

    @Override
    public String predictorClassName() {
      return "io.sparkair.predict.TorchPredictor";
    }

    @Override
    public Predictor load(Checkpoint checkpoint) {
      return TorchPredictor.fromCheckpoint(checkpoint);
    }
  }
}
