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

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The predictors of this JVM, one per model: a model is loaded once per executor and reused by
 * every later batch, prediction and dataset that uses the same checkpoint. At most {@value
 * #CAPACITY} models stay loaded; beyond that the least recently used one is closed, at once if no
 * task is predicting with it, otherwise when the last one is done.
 */
public final class PredictorCache {
  /** How many models a JVM keeps loaded. */
  public static final int CAPACITY = 8;

  private static final Map<String, Entry> LOADED = new LinkedHashMap<>(16, 0.75f, true);
  private static final AtomicLong LOADS = new AtomicLong();
  private static int capacity = CAPACITY;

  private PredictorCache() {}

  /**
   * The predictor of a model, made by {@code load} the first time this JVM sees the model (or after
   * it was evicted), held until the lease closes.
   *
   * @throws RuntimeException what {@code load} throws; a failed load is not kept
   */
  static Lease acquire(String model, Supplier<Predictor> load) {
    Entry entry;
    synchronized (PredictorCache.class) {
      entry = LOADED.computeIfAbsent(model, key -> new Entry());
      entry.users++;
    }
    try {
      entry.load(load);
    } catch (RuntimeException | Error e) {
      synchronized (PredictorCache.class) {
        LOADED.remove(model, entry);
        entry.users--;
      }
      throw e;
    }
    synchronized (PredictorCache.class) {
      evictBeyond(capacity);
    }
    return new Lease(entry);
  }

  /** How many models this JVM has loaded. */
  public static long loads() {
    return LOADS.get();
  }

  /** How many models this JVM holds loaded now. */
  public static synchronized int size() {
    return LOADED.size();
  }

  /** Keeps at most {@code models} loaded from now on, evicting the least recently used. */
  static synchronized void setCapacity(int models) {
    if (models < 1) {
      throw new IllegalArgumentException("the cache needs room for a model, got " + models);
    }
    capacity = models;
    evictBeyond(capacity);
  }

  private static void evictBeyond(int models) {
    Iterator<Entry> eldest = LOADED.values().iterator();
    while (LOADED.size() > models && eldest.hasNext()) {
      Entry entry = eldest.next();
      eldest.remove();
      entry.evicted = true;
      if (entry.users == 0) {
        entry.close();
      }
    }
  }

  private static synchronized void release(Entry entry) {
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

    synchronized Predictor load(Supplier<Predictor> load) {
      if (predictor == null) {
        LOADS.incrementAndGet();
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
    private final Entry entry;
    private boolean closed;

    private Lease(Entry entry) {
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
        release(entry);
      }
    }
  }
}
