package io.sparkair.preprocess;

import io.sparkair.runtime.batch.BatchDataset;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A preprocessor with nothing to learn: fitting does nothing and it can always transform. */
public abstract class StatelessPreprocessor extends AbstractPreprocessor {
  private static final long serialVersionUID = 1L;

  @Override
  public final <D extends BatchDataset<D>> Preprocessor fit(D dataset) {
    return this;
  }

  @Override
  public final Preprocessor fitBatches(Iterable<VectorSchemaRoot> batches) {
    return this;
  }

  @Override
  public Map<String, Object> stats() {
    return Map.of();
  }

  @Override
  public final boolean isFitted() {
    return true;
  }
}
