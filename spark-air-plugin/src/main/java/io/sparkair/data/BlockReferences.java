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
package io.sparkair.data;

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.ActorLocation;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.cluster.HostService;
import io.sparkair.runtime.store.BlockId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds and drops references to blocks in the executors' stores, one call per executor. */
final class BlockReferences {
  private static final Logger LOG = LoggerFactory.getLogger(BlockReferences.class);

  private BlockReferences() {}

  /** Adds one reference per entry; waits, so the blocks cannot be freed meanwhile. */
  static void retain(AirRuntime runtime, List<BlockRef> blocks) {
    List<CompletableFuture<Object>> calls = new ArrayList<>();
    byExecutor(blocks)
        .forEach(
            (location, ids) ->
                calls.add(
                    host(runtime, location)
                        .call(
                            h -> {
                              h.retain(ids);
                              return null;
                            })));
    calls.forEach(CompletableFuture::join);
  }

  /** Drops one reference per entry, without waiting. */
  static void release(AirRuntime runtime, List<BlockRef> blocks) {
    byExecutor(blocks)
        .forEach(
            (location, ids) -> {
              try {
                host(runtime, location)
                    .tell(
                        h -> {
                          h.release(ids);
                          return null;
                        });
              } catch (RuntimeException e) {
                LOG.debug("could not release {} blocks on {}", ids.size(), location.node(), e);
              }
            });
  }

  private static Map<ActorLocation, List<BlockId>> byExecutor(List<BlockRef> blocks) {
    Map<ActorLocation, List<BlockId>> byNode = new LinkedHashMap<>();
    for (BlockRef b : blocks) {
      byNode
          .computeIfAbsent(new ActorLocation(b.executor(), b.address()), k -> new ArrayList<>())
          .add(b.id());
    }
    return byNode;
  }

  /** The host service of the runtime at {@code location}. */
  static ActorRef<HostService> host(AirRuntime runtime, ActorLocation location) {
    return new ActorRef<>(HostService.ID, "host@" + location.node(), location, runtime);
  }
}
