package io.sparkair.predict;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The predictors of this JVM, one per model: a model is loaded once per executor and reused by
 * every later batch, prediction and dataset that uses the same checkpoint.
 */
public final class PredictorCache {
  private static final Map<String, Predictor> LOADED = new ConcurrentHashMap<>();
  private static final AtomicLong LOADS = new AtomicLong();

  private PredictorCache() {}

  /** The predictor of a model, made by {@code load} the first time this JVM sees the model. */
  static Predictor get(String model, Supplier<Predictor> load) {
    return LOADED.computeIfAbsent(model, key -> {
      LOADS.incrementAndGet();
      return load.get();
    });
  }

  /** How many models this JVM has loaded. */
  public static long loads() {
    return LOADS.get();
  }
}
