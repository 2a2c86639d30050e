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
