package io.sparkair.predict;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A model loaded on first use in each JVM, at most once however many threads ask, and dropped
 * when its predictor closes. It serializes empty, so a predictor that travels loads again
 * where it lands.
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
