package io.sparkair.runtime.batch;

import java.io.Serializable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A function of Arrow batches for {@link BatchDataset#mapBatches}: it receives a batch and returns
 * a batch, which may be the input itself (modified in place) or a new one built with
 * {@code allocator}. It runs in the executors, so it must be serializable, and it must accept an
 * empty batch (that is how the output schema is found, unless given).
 */
@FunctionalInterface
public interface BatchFunction extends Serializable {
  /**
   * @param batch the input rows; valid only during the call
   * @param allocator allocates the buffers of a new output batch
   * @return the output rows; a new batch is closed by the caller once used
   */
  VectorSchemaRoot apply(VectorSchemaRoot batch, BufferAllocator allocator) throws Exception;
}
