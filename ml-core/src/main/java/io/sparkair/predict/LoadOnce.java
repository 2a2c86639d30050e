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

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A model loaded on first use in each JVM, at most once however many threads ask, and dropped when
 * its predictor closes. It serializes empty, so a predictor that travels loads again where it
 * lands.
 */
final class LoadOnce<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private transient volatile T value;

  /** The loaded value, loading it with {@code load} the first time. */
  T get(Supplier<T> load) {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = load.get();
          value = v;
        }
      }
    }
    return v;
  }

  /** The loaded value, now forgotten, or null when none was loaded. */
  synchronized T take() {
    T v = value;
    value = null;
    return v;
  }
}
