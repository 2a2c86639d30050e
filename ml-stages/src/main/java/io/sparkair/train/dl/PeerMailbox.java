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
package io.sparkair.train.dl;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A worker's mailbox for the all-reduce, hosted in the worker's JVM: the other workers deliver
 * their arrays of each round to it, and the worker takes them all once the round is complete. A
 * fast worker's arrays for a later round wait here until the worker gets there.
 */
final class PeerMailbox {
  private final int worldSize;
  private final Map<Long, Round> rounds = new HashMap<>();

  /** One worker's array for one round. */
  record Piece(long round, int from, float[] values) implements Serializable {}

  /** The arrays of one round, by rank. */
  private static final class Round {
    final float[][] parts;
    final CompletableFuture<float[][]> complete = new CompletableFuture<>();
    int count;

    Round(int worldSize) {
      parts = new float[worldSize][];
    }
  }

  PeerMailbox(int worldSize) {
    this.worldSize = worldSize;
  }

  /** Takes a peer's array. */
  synchronized Void deliver(Piece p) {
    Round round = rounds.computeIfAbsent(p.round(), r -> new Round(worldSize));
    if (round.parts[p.from()] != null) {
      round.complete.completeExceptionally(
          new IllegalStateException(
              "worker " + p.from() + " sent two arrays for round " + p.round()));
      return null;
    }
    round.parts[p.from()] = p.values();
    if (++round.count == worldSize - 1) {
      round.complete.complete(round.parts);
    }
    return null;
  }

  /**
   * Completes with the round's arrays by rank (this worker's own slot empty) once every peer has
   * delivered, and forgets the round.
   */
  synchronized CompletableFuture<float[][]> take(long round) {
    Round r = rounds.computeIfAbsent(round, k -> new Round(worldSize));
    return r.complete.whenComplete((parts, error) -> forget(round));
  }

  private synchronized void forget(long round) {
    rounds.remove(round);
  }
}
