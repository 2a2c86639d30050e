/*
 * Copyright 2026 The Spark AIR Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
    assertEquals(
        XGBoostPredictor.class.getName(), Predictors.forFramework("xgboost").predictorClassName());
    assertEquals(
        LightGBMPredictor.class.getName(),
        Predictors.forFramework("lightgbm").predictorClassName());
    assertEquals(
        "io.sparkair.predict.TorchPredictor",
        Predictors.forFramework("djl-pytorch").predictorClassName());
    assertEquals(
        "io.sparkair.predict.ModelFilePredictor",
        Predictors.forFramework("djl-model").predictorClassName());
    Predictors.requireLoadable(XGBoostPredictor.class);
  }

  @Test
  void anUnknownFrameworkOrAClassThatCannotLoadIsRefusedNamingIt() {
    IllegalArgumentException framework =
        assertThrows(IllegalArgumentException.class, () -> Predictors.forFramework("sklearn"));
    assertTrue(
        framework.getMessage().contains("sklearn")
            && framework.getMessage().contains("[djl-model, djl-pytorch, lightgbm, xgboost]"),
        framework.getMessage());
    IllegalArgumentException type =
        assertThrows(
            IllegalArgumentException.class, () -> Predictors.requireLoadable(Unloadable.class));
    assertTrue(type.getMessage().contains("has no static fromCheckpoint"), type.getMessage());
  }
}
