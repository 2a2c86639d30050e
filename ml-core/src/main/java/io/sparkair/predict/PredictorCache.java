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

import io.sparkair.runtime.AirEnv;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The predictors of this JVM, one per model: a model is loaded once per executor and reused by
 * every later batch, prediction and dataset that uses the same checkpoint. At most {@value
 * #CAPACITY} models stay loaded; beyond that the least recently used one is closed, at once if no
 * task is predicting with it, otherwise when the last one is done. The cache is one of the JVM's
 * {@link AirEnv} services; it closes nothing when the JVM exits, where the native engines (XGBoost,
 * LightGBM, PyTorch) may be shutting down themselves and the process's memory goes anyway.
 */
public final class PredictorCache {
  /** How many models a JVM keeps loaded. */
  public static final int CAPACITY = 8;

  private final Map<String, Entry> loaded = new LinkedHashMap<>(16, 0.75f, true);
  private final AtomicLong loads = new AtomicLong();
  private int capacity = CAPACITY;

  private PredictorCache() {}

  private static PredictorCache instance() {
    return AirEnv.service(PredictorCache.class, PredictorCache::new);
  }

  /**
   * The predictor of a model, made by {@code load} the first time this JVM sees the model (or after
   * it was evicted), held until the lease closes.
   *
   * @throws RuntimeException what {@code load} throws; a failed load is not kept
   */
  static Lease acquire(String model, Supplier<Predictor> load) {
    return instance().lease(model, load);
  }

  private Lease lease(String model, Supplier<Predictor> load) {
    Entry entry;
    synchronized (this) {
      entry = loaded.computeIfAbsent(model, key -> new Entry());
      entry.users++;
    }
    try {
      entry.load(load, loads);
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        loaded.remove(model, entry);
        entry.users--;
      }
      throw e;
    }
    synchronized (this) {
      evictBeyond(capacity);
    }
    return new Lease(this, entry);
  }

  /** How many models this JVM has loaded. */
  public static long loads() {
    return instance().loads.get();
  }

  /** How many models this JVM holds loaded now. */
  public static int size() {
    PredictorCache cache = instance();
    synchronized (cache) {
      return cache.loaded.size();
    }
  }

  /** Keeps at most {@code models} loaded from now on, evicting the least recently used. */
  static void setCapacity(int models) {
    if (models < 1) {
      throw new IllegalArgumentException("the cache needs room for a model, got " + models);
    }
    PredictorCache cache = instance();
    synchronized (cache) {
      cache.capacity = models;
      cache.evictBeyond(models);
    }
  }

  private void evictBeyond(int models) {
    Iterator<Entry> eldest = loaded.values().iterator();
    while (loaded.size() > models && eldest.hasNext()) {
      Entry entry = eldest.next();
      eldest.remove();
      entry.evicted = true;
      if (entry.users == 0) {
        entry.close();
      }
    }
  }

  private synchronized void release(Entry entry) {
    entry.users--;
    if (entry.evicted && entry.users == 0) {
      entry.close();
    }
  }

  /** A loaded model and the tasks predicting with it. */
  private static final class Entry {
    private Predictor predictor;
    private int users;
    private boolean evicted;

    synchronized Predictor load(Supplier<Predictor> load, AtomicLong loads) {
      if (predictor == null) {
        loads.incrementAndGet();
        predictor = load.get();
      }
      return predictor;
    }

    synchronized void close() {
      if (predictor != null) {
        predictor.close();
        predictor = null;
      }
    }
  }

  /** A predictor in use; closing the lease hands it back to the cache. */
  public static final class Lease implements AutoCloseable {
    private final PredictorCache cache;
    private final Entry entry;
    private boolean closed;

    private Lease(PredictorCache cache, Entry entry) {
      this.cache = cache;
      this.entry = entry;
    }

    /** The model's predictor, valid until the lease closes. */
    public Predictor predictor() {
      if (closed) {
        throw new IllegalStateException("the predictor's lease is closed");
      }
      return entry.predictor;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        cache.release(entry);
      }
    }
  }
}
