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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PredictorCacheTest {
  /** A model that only counts its closes. */
  private static final class Model implements Predictor {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public VectorSchemaRoot predict(VectorSchemaRoot batch) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @BeforeEach
  void smallCache() {
    PredictorCache.setCapacity(2);
  }

  @AfterEach
  void defaultCache() {
    PredictorCache.setCapacity(PredictorCache.CAPACITY);
  }

  @Test
  void aModelIsLoadedOnceAndTheLeastRecentlyUsedBeyondTheCapacityIsClosed() {
    Model a = new Model();
    Model b = new Model();
    Model c = new Model();
    long loads = PredictorCache.loads();
    try (PredictorCache.Lease first = PredictorCache.acquire("cache-a", () -> a);
        PredictorCache.Lease again = PredictorCache.acquire("cache-a", Model::new)) {
      assertSame(first.predictor(), again.predictor());
    }
    PredictorCache.acquire("cache-b", () -> b).close();
    PredictorCache.acquire("cache-a", Model::new).close();
    PredictorCache.acquire("cache-c", () -> c).close();
    assertEquals(3, PredictorCache.loads() - loads);
    assertEquals(0, a.closes.get(), "a was used more recently than b");
    assertEquals(1, b.closes.get(), "b, the least recently used, was closed");
    assertEquals(2, PredictorCache.size());
  }

  @Test
  void aModelEvictedWhileInUseClosesWhenItsLastLeaseCloses() {
    Model busy = new Model();
    PredictorCache.Lease lease = PredictorCache.acquire("cache-busy", () -> busy);
    PredictorCache.acquire("cache-d", Model::new).close();
    PredictorCache.acquire("cache-e", Model::new).close();
    assertEquals(0, busy.closes.get(), "still predicting");
    lease.close();
    assertEquals(1, busy.closes.get());
    assertThrows(IllegalStateException.class, lease::predictor);
  }

  @Test
  void aFailedLoadIsNotKept() {
    assertThrows(
        IllegalStateException.class,
        () ->
            PredictorCache.acquire(
                "cache-bad",
                () -> {
                  throw new IllegalStateException("no model");
                }));
    Model good = new Model();
    try (PredictorCache.Lease lease = PredictorCache.acquire("cache-bad", () -> good)) {
      assertSame(good, lease.predictor());
    }
    assertFalse(good.closes.get() > 0);
    assertTrue(PredictorCache.size() <= 2);
  }
}
