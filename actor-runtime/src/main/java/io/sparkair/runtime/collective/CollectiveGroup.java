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
package io.sparkair.runtime.collective;

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.ActorRef;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The actor that makes a group of workers out of {@link Collective}s: it tells every worker where
 * the others listen, and records the first failure (a worker that died, left early, or the group
 * ending) so that every worker reports the same one. The arrays themselves go from worker to
 * worker. Host one per group, usually on the driver, with {@link #host}.
 */
public final class CollectiveGroup implements AutoCloseable {
  private final int worldSize;
  private final byte[] token = new byte[16];
  private final String[] addresses;
  private final boolean[] left;
  private final List<CompletableFuture<Roster>> waiting = new ArrayList<>();
  private CollectiveFailure failure;

  /** A group of {@code worldSize} workers. */
  public CollectiveGroup(int worldSize) {
    if (worldSize < 1) {
      throw new IllegalArgumentException("worldSize must be >= 1, got " + worldSize);
    }
    this.worldSize = worldSize;
    this.addresses = new String[worldSize];
    this.left = new boolean[worldSize];
    new SecureRandom().nextBytes(token);
  }

  /** Hosts a new group of {@code worldSize} workers on {@code runtime}. */
  public static ActorRef<CollectiveGroup> host(AirRuntime runtime, int worldSize) {
    return runtime.hostHere("air-collective-" + UUID.randomUUID(), new CollectiveGroup(worldSize));
  }

  /**
   * Records where {@code rank} listens; completes with every worker's address once all have joined,
   * or fails with the group's failure.
   */
  CompletableFuture<Roster> join(int rank, String address) {
    if (rank < 0 || rank >= worldSize) {
      throw new IllegalArgumentException("rank " + rank + " is not in a group of " + worldSize);
    }
    if (addresses[rank] != null) {
      throw new IllegalArgumentException("rank " + rank + " joined twice");
    }
    CompletableFuture<Roster> mine = new CompletableFuture<>();
    if (failure != null) {
      mine.completeExceptionally(failure.toException());
      return mine;
    }
    addresses[rank] = address;
    waiting.add(mine);
    if (waiting.size() == worldSize) {
      Roster roster = new Roster(token, List.copyOf(Arrays.asList(addresses)));
      waiting.forEach(w -> w.complete(roster));
      waiting.clear();
    }
    return mine;
  }

  /** The group's failure, or null while its collectives can complete. */
  CollectiveFailure failure() {
    return failure;
  }

  /**
   * Records that {@code reporter} lost its stream to {@code peer} during {@code call}; returns the
   * group's first failure, which names {@code peer} unless another was recorded before.
   */
  CollectiveFailure lost(int peer, int reporter, String call) {
    if (failure == null) {
      fail(
          new CollectiveFailure(
              peer,
              left[peer]
                  ? "worker "
                      + peer
                      + " left the group (its loop ended) while worker "
                      + reporter
                      + " still made "
                      + call
                      + "; every worker must make the same collective calls"
                  : "worker "
                      + peer
                      + " died or was lost during "
                      + call
                      + ": its stream to worker "
                      + reporter
                      + " closed"));
    }
    return failure;
  }

  /** Records {@code f} unless the group failed before; returns the group's first failure. */
  CollectiveFailure failed(CollectiveFailure f) {
    fail(f);
    return failure;
  }

  /** Records that {@code rank} finished: a later loss of its stream is a departure, not a death. */
  Void leave(int rank) {
    left[rank] = true;
    if (addresses[rank] == null) {
      fail(
          new CollectiveFailure(
              rank,
              "worker "
                  + rank
                  + " left the group (its loop ended) before it made a collective call"
                  + " the others made; every worker must make the same collective calls"));
    }
    return null;
  }

  private void fail(CollectiveFailure f) {
    if (failure != null) {
      return;
    }
    failure = f;
    waiting.forEach(w -> w.completeExceptionally(f.toException()));
    waiting.clear();
  }

  /** Ends the group: workers still joining or waiting fail. */
  @Override
  public void close() {
    fail(new CollectiveFailure(-1, "the group of workers ended"));
  }
}
