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
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Places an actor group: leases the Spark task slots its actors ask for, and starts each rank's
 * actor on the executor of its slots. All start, or none.
 */
final class GroupPlacement {
  private GroupPlacement() {}

  /** See {@link Air#spawnGroup}. */
  static <A> ActorGroup<A> spawn(
      AirRuntime runtime,
      SlotLeasing slots,
      int size,
      RankedFactory<A> factory,
      SpawnOptions options) {
    if (size <= 0) {
      throw new IllegalArgumentException("group size must be > 0, got " + size);
    }
    int slotsPerActor = (int) Math.ceil(options.cpus());
    SlotLease lease =
        slotsPerActor > 0 ? slots.reserve(size * slotsPerActor, "actor group of " + size) : null;
    List<ActorRef<A>> actors = new ArrayList<>();
    try {
      for (int rank = 0; rank < size; rank++) {
        int r = rank;
        SpawnOptions o = options.name() == null ? options : options.name(options.name() + "-" + r);
        if (lease != null) {
          o = o.onNode(lease.executors().get(rank * slotsPerActor));
        }
        actors.add(runtime.spawn(() -> factory.create(r), o));
      }
      if (lease != null) {
        lease.bind(actors.stream().map(ActorRef::id).collect(Collectors.toList()));
      }
      return new ActorGroup<>(actors, lease);
    } catch (RuntimeException e) {
      new ActorGroup<>(actors, lease).close();
      throw e;
    }
  }
}
