package io.sparkair.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class PredictorsTest {
  /** A predictor class with no way to load it. */
  private static final class Unloadable implements Predictor {
    @Override
    public VectorSchemaRoot predict(VectorSchemaRoot batch) {
      return batch;
    }

    @Override
    public void close() {}
  }

  @Test
  void theBuiltInFrameworksAreFoundThroughTheirProviders() {
    assertEquals(XGBoostPredictor.class.getName(),
        Predictors.forFramework("xgboost").predictorClassName());
    assertEquals(LightGBMPredictor.class.getName(),
        Predictors.forFramework("lightgbm").predictorClassName());
    assertEquals("io.sparkair.predict.TorchPredictor",
        Predictors.forFramework("djl-pytorch").predictorClassName());
    Predictors.requireLoadable(XGBoostPredictor.class);
  }

  @Test
  void anUnknownFrameworkOrAClassThatCannotLoadIsRefusedNamingIt() {
    IllegalArgumentException framework = assertThrows(IllegalArgumentException.class,
        () -> Predictors.forFramework("sklearn"));
    assertTrue(framework.getMessage().contains("sklearn")
        && framework.getMessage().contains("[djl-pytorch, lightgbm, xgboost]"),
        framework.getMessage());
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> Predictors.requireLoadable(Unloadable.class));
    assertTrue(type.getMessage().contains("has no static fromCheckpoint"), type.getMessage());
  }
}
