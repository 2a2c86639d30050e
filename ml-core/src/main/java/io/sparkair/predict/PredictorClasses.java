package io.sparkair.predict;

/**
 * The built-in predictor of each checkpoint framework, by class name so that a JVM without a
 * framework's library (the serving sidecar has no DJL) can still name it.
 */
public final class PredictorClasses {
  private PredictorClasses() {}

  /**
   * The predictor class name for checkpoints of {@code framework}: {@code xgboost},
   * {@code lightgbm} or {@code djl-pytorch}.
   *
   * @throws IllegalArgumentException for another framework
   */
  public static String forFramework(String framework) {
    switch (String.valueOf(framework)) {
      case XGBoostPredictor.FRAMEWORK:
        return XGBoostPredictor.class.getName();
      case LightGBMPredictor.FRAMEWORK:
        return LightGBMPredictor.class.getName();
      case "djl-pytorch":
        return "io.sparkair.predict.TorchPredictor";
      default:
        throw new IllegalArgumentException("no built-in predictor reads " + framework
            + " checkpoints; name the predictor class");
    }
  }
}
