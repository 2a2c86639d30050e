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
package io.sparkair.serve;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.Predictor;
import io.sparkair.predict.XGBoostPredictor;
import org.apache.arrow.vector.VectorSchemaRoot;

/** An XGBoost predictor that takes 300 ms per call: requests stay in flight long enough to see. */
public final class SlowPredictor implements Predictor {
  private final XGBoostPredictor inner;

  private SlowPredictor(XGBoostPredictor inner) {
    this.inner = inner;
  }

  public static SlowPredictor fromCheckpoint(Checkpoint checkpoint) {
    return new SlowPredictor(XGBoostPredictor.fromCheckpoint(checkpoint));
  }

  @Override
  public VectorSchemaRoot predict(VectorSchemaRoot batch) {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return inner.predict(batch);
  }

  @Override
  public void close() {
    inner.close();
  }
}
