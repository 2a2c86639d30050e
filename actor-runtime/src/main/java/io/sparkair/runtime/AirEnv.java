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
package io.sparkair.runtime;

import io.sparkair.runtime.memory.Allocators;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services Spark AIR keeps once per JVM, as Spark keeps its own in {@code SparkEnv}: besides
 * the Arrow root allocator ({@link Allocators}), those the modules register here on first use (the
 * predictor cache, the temporary checkpoint directories, an executor's slot holds). They are the
 * only per-JVM state; each is made once, listed by {@link #services()}, and, when it is {@link
 * AutoCloseable}, closed when the JVM exits, the newest first.
 */
public final class AirEnv {
  private static final Logger LOG = LoggerFactory.getLogger(AirEnv.class);
  private static final Map<Class<?>, Object> SERVICES = new LinkedHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(AirEnv::closeAll, "spark-air-env-close"));
  }

  private AirEnv() {}

  /**
   * This JVM's service of {@code type}, made by {@code make} on first use.
   *
   * @throws IllegalStateException when the service being made asks for itself
   */
  public static synchronized <T> T service(Class<T> type, Supplier<? extends T> make) {
    Object existing = SERVICES.get(type);
    if (existing == null) {
      if (SERVICES.containsKey(type)) {
        throw new IllegalStateException(type.getName() + " asked for itself while being made");
      }
      SERVICES.put(type, null);
      try {
        existing = make.get();
      } finally {
        if (existing == null) {
          SERVICES.remove(type);
        }
      }
      SERVICES.put(type, existing);
    }
    return type.cast(existing);
  }

  /** The class names of the services made so far, in the order they were made. */
  public static synchronized List<String> services() {
    List<String> names = new ArrayList<>();
    SERVICES.keySet().forEach(type -> names.add(type.getName()));
    return names;
  }

  private static void closeAll() {
    List<Object> services;
    synchronized (AirEnv.class) {
      services = new ArrayList<>(SERVICES.values());
    }
    Collections.reverse(services);
    for (Object service : services) {
      if (service instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.warn("closing {} at JVM exit: {}", service.getClass().getName(), e.toString());
        }
      }
    }
  }
}
