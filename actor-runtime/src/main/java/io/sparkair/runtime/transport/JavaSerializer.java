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
package io.sparkair.runtime.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/** Java serialization that resolves classes through a given class loader. */
public final class JavaSerializer {
  private final ClassLoader loader;

  /**
   * @param loader the loader user classes (actor classes, lambdas' capturing classes) come from
   */
  public JavaSerializer(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Serializes {@code value}; fails with a message naming its class when it is not serializable.
   */
  public byte[] serialize(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new RemoteCallException(
          "cannot send "
              + value.getClass().getName()
              + ": it captures or holds a non-serializable "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Deserializes bytes made by {@link #serialize}. */
  public Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    return deserialize(new ByteArrayInputStream(bytes));
  }

  /** Deserializes one object from {@code in}. */
  public Object deserialize(InputStream in) throws IOException, ClassNotFoundException {
    try (ObjectInputStream objects = new LoaderObjectInputStream(in, loader)) {
      return objects.readObject();
    }
  }

  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
