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
package io.sparkair.plugin;

import io.sparkair.runtime.AirRuntime;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The slot-holding tasks of one executor JVM, woken as soon as the driver releases their lease so
 * that the slots come free at once rather than at the tasks' next poll. One named actor per
 * executor receives the driver's releases.
 */
final class SlotHolds {
  private static final Map<String, CountDownLatch> RELEASED = new ConcurrentHashMap<>();
  private static final Set<AirRuntime> HOSTED = Collections.newSetFromMap(new IdentityHashMap<>());

  /** The name of the actor that receives releases for {@code executor}. */
  static String actorName(String executor) {
    return "air.slot-holds." + executor;
  }

  /** Hosts this executor's receiver on {@code runtime} unless it already is. */
  static synchronized void ensureHosted(AirRuntime runtime, String executor) {
    if (HOSTED.add(runtime)) {
      runtime.hostHere(actorName(executor), new SlotHolds());
    }
  }

  /** A latch that opens when the driver releases {@code lease}. */
  static CountDownLatch watch(String lease) {
    return RELEASED.computeIfAbsent(lease, k -> new CountDownLatch(1));
  }

  /** Stops watching {@code lease}. */
  static void forget(String lease) {
    RELEASED.remove(lease);
  }

  /** The driver released {@code lease}: its tasks on this executor end. */
  void released(String lease) {
    CountDownLatch latch = RELEASED.get(lease);
    if (latch != null) {
      latch.countDown();
    }
  }
}
