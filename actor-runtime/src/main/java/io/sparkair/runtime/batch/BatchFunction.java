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
package io.sparkair.runtime.batch;

import java.io.Serializable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A function of Arrow batches for {@link BatchDataset#mapBatches}: it receives a batch and returns
 * a batch, which may be the input itself (modified in place) or a new one built with {@code
 * allocator}. It runs in the executors, so it must be serializable, and it must accept an empty
 * batch (that is how the output schema is found, unless given).
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
