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

import io.sparkair.runtime.AirEnv;
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
 * executor receives the driver's releases; the latches it opens are one of the JVM's {@link AirEnv}
 * services.
 */
final class SlotHolds {
  /** The latches of this JVM's slot-holding tasks, and the runtimes hosting a receiver. */
  private static final class Latches {
    private final Map<String, CountDownLatch> released = new ConcurrentHashMap<>();
    private final Set<AirRuntime> hosted = Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private static Latches latches() {
    return AirEnv.service(Latches.class, Latches::new);
  }

  /** The name of the actor that receives releases for {@code executor}. */
  static String actorName(String executor) {
    return "air.slot-holds." + executor;
  }

  /** Hosts this executor's receiver on {@code runtime} unless it already is. */
  static void ensureHosted(AirRuntime runtime, String executor) {
    Latches latches = latches();
    synchronized (latches) {
      if (latches.hosted.add(runtime)) {
        runtime.hostHere(actorName(executor), new SlotHolds());
      }
    }
  }

  /** A latch that opens when the driver releases {@code lease}. */
  static CountDownLatch watch(String lease) {
    return latches().released.computeIfAbsent(lease, k -> new CountDownLatch(1));
  }

  /** Stops watching {@code lease}. */
  static void forget(String lease) {
    latches().released.remove(lease);
  }

  /** The driver released {@code lease}: its tasks on this executor end. */
  void released(String lease) {
    CountDownLatch latch = latches().released.get(lease);
    if (latch != null) {
      latch.countDown();
    }
  }
}
