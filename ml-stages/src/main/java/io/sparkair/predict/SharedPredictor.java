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
import java.io.Serializable;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * A predictor for Spark tasks: the checkpoint travels to the executors once, as a Spark broadcast,
 * and each JVM loads the model the first time a task asks for it, then reuses it for every later
 * batch, task and prediction with the same checkpoint and predictor ({@link PredictorCache}).
 * {@link BatchPredictor#predict} and the Spark ML {@code AirModel} both predict through one.
 */
public final class SharedPredictor implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String model;
  private final PredictorFactory factory;
  private final Broadcast<Map<String, byte[]>> files;

  SharedPredictor(String model, PredictorFactory factory, Broadcast<Map<String, byte[]>> files) {
    this.model = model;
    this.factory = factory;
    this.files = files;
  }

  /**
   * This JVM's predictor of the model, loaded the first time it is asked for; close the lease when
   * the batch is predicted.
   */
  public PredictorCache.Lease acquire() {
    return PredictorCache.acquire(model, () -> factory.create(Checkpoint.fromFiles(files.value())));
  }
}
