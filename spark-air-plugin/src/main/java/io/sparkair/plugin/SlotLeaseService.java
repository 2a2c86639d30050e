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
import io.sparkair.runtime.cluster.Head;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver-side actor that tracks Spark task slots held for actor groups. The slot-holding tasks
 * report here when they start and ask here whether to keep holding; a lease ends when it is
 * released (its tasks are told at once) or when every actor bound to it has died.
 */
final class SlotLeaseService {
  static final String NAME = "air.slots";
  private static final Logger LOG = LoggerFactory.getLogger(SlotLeaseService.class);

  private final AirRuntime runtime;
  private final Map<String, Lease> leases = new HashMap<>();

  private static final class Lease {
    final TreeMap<Integer, String> granted = new TreeMap<>();
    final List<Long> actors = new ArrayList<>();
    final int slots;
    final CompletableFuture<List<String>> allGranted;
    boolean released;

    Lease(int slots, CompletableFuture<List<String>> allGranted) {
      this.slots = slots;
      this.allGranted = allGranted;
    }
  }

  SlotLeaseService(AirRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Opens a lease of {@code slots} slots; {@code allGranted} completes with their executors, in
   * partition order, once every slot-holding task has started (a call from the driver's JVM).
   */
  void open(String lease, int slots, CompletableFuture<List<String>> allGranted) {
    leases.put(lease, new Lease(slots, allGranted));
  }

  /** A task holding slot {@code partition} of the lease started on {@code executor}. */
  void grant(String lease, int partition, String executor) {
    Lease l = leases.get(lease);
    if (l != null) {
      l.granted.put(partition, executor);
      if (l.granted.size() == l.slots) {
        l.allGranted.complete(new ArrayList<>(l.granted.values()));
      }
    }
  }

  /** The executors holding the lease's slots so far, in partition order. */
  List<String> granted(String lease) {
    Lease l = leases.get(lease);
    return l == null ? List.of() : new ArrayList<>(l.granted.values());
  }

  /** Ties the lease to actors: it ends when all of them have died. */
  void bind(String lease, List<Long> actorIds) {
    Lease l = leases.get(lease);
    if (l != null) {
      l.actors.addAll(actorIds);
    }
  }

  /** Ends the lease and wakes its slot-holding tasks. */
  void release(String lease) {
    Lease l = leases.get(lease);
    if (l != null) {
      l.released = true;
      for (String executor : new TreeSet<>(l.granted.values())) {
        try {
          runtime
              .<SlotHolds>actor(SlotHolds.actorName(executor))
              .tell(
                  h -> {
                    h.released(lease);
                    return null;
                  });
        } catch (RuntimeException e) {
          LOG.debug(
              "executor {} not told of the release of {} (its task will ask): {}",
              executor,
              lease,
              e.toString());
        }
      }
    }
  }

  /** Whether the slot-holding tasks of the lease should keep holding. */
  boolean holding(String lease) {
    Lease l = leases.get(lease);
    if (l == null || l.released) {
      leases.remove(lease);
      return false;
    }
    if (!l.actors.isEmpty() && l.actors.stream().noneMatch(this::alive)) {
      leases.remove(lease);
      return false;
    }
    return true;
  }

  private boolean alive(long actorId) {
    try {
      runtime.head().call(Head::locate, actorId).get(5, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Task slots held by leases that have not ended. */
  int held() {
    return leases.values().stream().filter(l -> !l.released).mapToInt(l -> l.granted.size()).sum();
  }
}
