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
package io.sparkair.preprocess;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A user function of Arrow batches as a preprocessor, like Ray's {@code BatchMapper}: nothing to
 * fit. The function is saved with the preprocessor (Java serialization, inside the JSON), so its
 * class must be on the classpath wherever the preprocessor is loaded.
 */
public final class BatchMapper extends StatelessPreprocessor {
  private static final long serialVersionUID = 1L;
  private static final String FUNCTION = "function";

  /** A serializable function of Arrow batches. */
  @FunctionalInterface
  public interface Function extends Serializable {
    /**
     * @param batch the input rows; the function may change them in place and return them
     * @param allocator allocates the buffers of a new output batch
     * @return the output rows
     */
    VectorSchemaRoot apply(VectorSchemaRoot batch, BufferAllocator allocator) throws Exception;
  }

  /** The function, in its Java serialization. */
  private byte[] function;

  private transient volatile Function decoded;

  BatchMapper() {}

  /** A preprocessor applying {@code fn} to every batch. */
  public BatchMapper(Function fn) {
    Objects.requireNonNull(fn, "fn");
    this.function = encode(fn);
    this.decoded = fn;
  }

  @Override
  void writeFields(ObjectNode json) {
    json.put(FUNCTION, function);
  }

  @Override
  void readFields(JsonFields json) {
    function = json.bytes(FUNCTION);
  }

  @Override
  protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
    VectorSchemaRoot out;
    try {
      out = fn().apply(batch, allocator);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("BatchMapper function failed: " + e, e);
    }
    if (out == null) {
      throw new IllegalStateException("BatchMapper function returned null");
    }
    if (out == batch) {
      try (BatchBuilder view = new BatchBuilder(batch)) {
        return view.build();
      }
    }
    return out;
  }

  private Function fn() {
    Function fn = decoded;
    if (fn == null) {
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(function)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
              return Class.forName(
                  desc.getName(), false, Thread.currentThread().getContextClassLoader());
            }
          }) {
        fn = (Function) in.readObject();
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException(
            "cannot load the BatchMapper function (is its class " + "on the classpath?): " + e, e);
      }
      decoded = fn;
    }
    return fn;
  }

  private static byte[] encode(Function fn) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(fn);
    } catch (IOException e) {
      throw new IllegalArgumentException("the BatchMapper function is not serializable: " + e, e);
    }
    return bytes.toByteArray();
  }

  @Override
  public String toString() {
    return "BatchMapper";
  }
}
