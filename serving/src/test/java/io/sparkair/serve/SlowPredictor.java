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
