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

  /** Model files made elsewhere, read by {@link ModelFilePredictor} (needs a DJL engine's jars). */
  public static final class ModelFile implements PredictorProvider {
    @Override
    public String framework() {
      return ModelFileCheckpoint.FRAMEWORK;
    }

    @Override
    public String predictorClassName() {
      return "io.sparkair.predict.ModelFilePredictor";
    }

    @Override
    public Predictor load(Checkpoint checkpoint) {
      return ModelFilePredictor.fromCheckpoint(checkpoint);
    }
  }
}
