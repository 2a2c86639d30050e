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
package io.sparkair.train.lightgbm;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The driver-side actor that lets one attempt's LightGBM workers find each other and agree after
 * every round. Hosted on the driver for one attempt.
 *
 * <ul>
 *   <li>{@link #join}: every worker gives the address its LightGBM listens on and gets the whole
 *       machine list, in rank order.
 *   <li>{@link #turn} and {@link #listening}: LightGBM's rank {@code r} connects to the ranks above
 *       it as soon as it starts, and waits 10 s or more before retrying a refused connection; so
 *       rank {@code r} starts once rank {@code r + 1} listens, the last rank first.
 *   <li>{@link #round}: after each boosting round every worker gives an array (its row counts,
 *       metric sums and stop flag) and gets the element-wise sum over the workers.
 * </ul>
 *
 * <p>Once a worker has left (its loop ended) or the group is closed, every pending and later call
 * fails at once rather than waiting for it.
 */
final class LightGBMNetwork implements AutoCloseable {
  private final int worldSize;
  private final String[] addresses;
  private final List<CompletableFuture<List<String>>> joined = new ArrayList<>();
  private final boolean[] listening;
  private final CompletableFuture<Void>[] turns;
  private final double[][] contributions;
  private final List<CompletableFuture<double[]>> waiting = new ArrayList<>();
  private int arrived;
  private String gone;

  /** A worker's address, {@code ip:port}. */
  record Member(int rank, String address) implements Serializable {}

  /** A worker's part of a round. */
  record Part(int rank, double[] values) implements Serializable {}

  @SuppressWarnings("unchecked")
  LightGBMNetwork(int worldSize) {
    if (worldSize < 2) {
      throw new IllegalArgumentException("a LightGBM network needs >= 2 workers, got " + worldSize);
    }
    this.worldSize = worldSize;
    this.addresses = new String[worldSize];
    this.listening = new boolean[worldSize];
    this.turns = new CompletableFuture[worldSize];
    this.contributions = new double[worldSize][];
  }

  /** Records a worker's address; completes with every worker's once all have joined. */
  CompletableFuture<List<String>> join(Member m) {
    checkRank(m.rank());
    CompletableFuture<List<String>> mine = new CompletableFuture<>();
    if (failed(mine)) {
      return mine;
    }
    addresses[m.rank()] = m.address();
    joined.add(mine);
    if (joined.size() == worldSize) {
      List<String> all = List.of(addresses);
      joined.forEach(j -> j.complete(all));
      joined.clear();
    }
    return mine;
  }

  /** Completes when {@code rank} may start LightGBM's network: the rank above it listens. */
  CompletableFuture<Void> turn(int rank) {
    checkRank(rank);
    CompletableFuture<Void> mine = new CompletableFuture<>();
    if (failed(mine)) {
      return mine;
    }
    if (rank == worldSize - 1 || listening[rank + 1]) {
      mine.complete(null);
    } else {
      turns[rank] = mine;
    }
    return mine;
  }

  /** Records that {@code rank}'s LightGBM accepts connections. */
  Void listening(int rank) {
    checkRank(rank);
    listening[rank] = true;
    if (rank > 0 && turns[rank - 1] != null) {
      turns[rank - 1].complete(null);
      turns[rank - 1] = null;
    }
    return null;
  }

  /** Adds a worker's array to the round; completes with the sum once all are in. */
  CompletableFuture<double[]> round(Part p) {
    checkRank(p.rank());
    CompletableFuture<double[]> mine = new CompletableFuture<>();
    if (failed(mine)) {
      return mine;
    }
    if (contributions[p.rank()] != null) {
      throw new IllegalArgumentException("rank " + p.rank() + " gave twice to a round");
    }
    contributions[p.rank()] = p.values();
    waiting.add(mine);
    if (++arrived == worldSize) {
      double[] sum = new double[contributions[0].length];
      for (double[] c : contributions) {
        if (c.length != sum.length) {
          fail("the workers gave arrays of different lengths to a round: their metrics differ");
          return mine;
        }
        for (int i = 0; i < sum.length; i++) {
          sum[i] += c[i];
        }
      }
      java.util.Arrays.fill(contributions, null);
      arrived = 0;
      waiting.forEach(w -> w.complete(sum));
      waiting.clear();
    }
    return mine;
  }

  /** Records that {@code rank}'s loop ended: the others can no longer be answered. */
  Void leave(int rank) {
    if (gone == null) {
      fail("LightGBM worker " + rank + " left (its loop ended) while the others still wait");
    }
    return null;
  }

  @Override
  public void close() {
    if (gone == null) {
      fail("the training attempt ended");
    }
  }

  private void checkRank(int rank) {
    if (rank < 0 || rank >= worldSize) {
      throw new IllegalArgumentException("rank " + rank + " is not in a group of " + worldSize);
    }
  }

  private boolean failed(CompletableFuture<?> call) {
    if (gone != null) {
      call.completeExceptionally(new IllegalStateException(gone));
    }
    return gone != null;
  }

  private void fail(String why) {
    gone = why;
    IllegalStateException e = new IllegalStateException(why);
    joined.forEach(j -> j.completeExceptionally(e));
    joined.clear();
    for (int r = 0; r < worldSize; r++) {
      if (turns[r] != null) {
        turns[r].completeExceptionally(e);
        turns[r] = null;
      }
    }
    waiting.forEach(w -> w.completeExceptionally(e));
    waiting.clear();
    java.util.Arrays.fill(contributions, null);
    arrived = 0;
  }
}
