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
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A predictor that answers 0 for every row without a model: the benchmark's ceiling, what the
 * server costs with no prediction work.
 */
public final class NoOpPredictor implements Predictor {
  private final BufferAllocator allocator = new RootAllocator();

  public static NoOpPredictor fromCheckpoint(Checkpoint checkpoint) {
    return new NoOpPredictor();
  }

  @Override
  public VectorSchemaRoot predict(VectorSchemaRoot batch) {
    Float8Vector prediction = new Float8Vector("prediction", allocator);
    int n = batch.getRowCount();
    prediction.allocateNew(Math.max(n, 1));
    for (int i = 0; i < n; i++) {
      prediction.set(i, 0);
    }
    prediction.setValueCount(n);
    return new VectorSchemaRoot(List.<FieldVector>of(prediction));
  }

  @Override
  public void close() {
    allocator.close();
  }
}
