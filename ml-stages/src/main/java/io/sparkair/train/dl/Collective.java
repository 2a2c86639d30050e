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

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.ActorRef;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A worker's handle on its group's all-reduce: {@link #sum} blocks until every rank has given its
 * array, then returns the element-wise sum, identical on every rank. The arrays go straight from
 * worker to worker (each worker sends its array to every other's mailbox, then adds all of them in
 * rank order); the driver only introduces the workers to each other and tells them when one has
 * left.
 */
public final class Collective implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How long a worker waits for its peers before asking the group whether one has left. */
  private static final long CHECK_MILLIS = 200;

  /** The group that introduces the workers to each other. */
  private final ActorRef<PeerGroup> group;

  /** This worker's rank. */
  private final int rank;

  /** The number of workers. */
  private final int worldSize;

  private transient PeerMailbox mailbox;
  private transient ActorRef<PeerMailbox> mailboxRef;
  private transient List<ActorRef<PeerMailbox>> peers;
  private transient long round;

  Collective(ActorRef<PeerGroup> group, int rank, int worldSize) {
    this.group = group;
    this.rank = rank;
    this.worldSize = worldSize;
  }

  /** This worker's rank. */
  public int rank() {
    return rank;
  }

  /** The number of workers. */
  public int worldSize() {
    return worldSize;
  }

  /**
   * The element-wise sum of every rank's {@code values}; every rank must call it the same number of
   * times, with arrays of one length. With one worker it is {@code values} itself.
   *
   * @throws IllegalStateException when another worker left or the attempt ended
   * @throws IllegalArgumentException when the workers' arrays differ in length
   */
  public float[] sum(float[] values) {
    Objects.requireNonNull(values, "values");
    if (worldSize == 1) {
      return values;
    }
    boolean held = TorchTrain.ENGINE.isHeldByCurrentThread();
    if (held) {
      TorchTrain.ENGINE.unlock();
    }
    try {
      if (peers == null) {
        join();
      }
      long now = ++round;
      CompletableFuture<float[][]> arrived = mailbox.take(now);
      PeerMailbox.Piece piece = new PeerMailbox.Piece(now, rank, values.clone());
      for (int r = 0; r < worldSize; r++) {
        if (r != rank) {
          peers.get(r).tell(m -> m.deliver(piece));
        }
      }
      float[][] parts = await(arrived);
      parts[rank] = values;
      float[] total = parts[0].clone();
      for (int r = 1; r < worldSize; r++) {
        if (parts[r].length != total.length) {
          throw new IllegalArgumentException(
              "worker "
                  + r
                  + " gave "
                  + parts[r].length
                  + " values to an all-reduce where worker 0 gave "
                  + total.length);
        }
        for (int i = 0; i < total.length; i++) {
          total[i] += parts[r][i];
        }
      }
      return total;
    } finally {
      if (held) {
        TorchTrain.ENGINE.lock();
      }
    }
  }

  /** Hosts this worker's mailbox in its JVM and learns the others'. */
  private void join() {
    AirRuntime runtime =
        AirRuntime.running().stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Spark AIR runtime runs in this JVM"));
    mailbox = new PeerMailbox(worldSize);
    mailboxRef = runtime.hostHere("air-torch-peer-" + rank + "-" + UUID.randomUUID(), mailbox);
    peers = group.callAsync(PeerGroup::join, new PeerGroup.Member(rank, mailboxRef)).join();
  }

  /** Waits for the round, asking the group now and then whether a worker has left. */
  private float[][] await(CompletableFuture<float[][]> arrived) {
    while (true) {
      try {
        return arrived.get(CHECK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        String failure = group.call(PeerGroup::failure).join();
        if (failure != null) {
          throw new IllegalStateException(failure);
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException("the all-reduce failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted in an all-reduce", e);
      }
    }
  }

  /** Tells the group this worker's loop ended, so that no other worker waits for it. */
  void leave() {
    if (worldSize > 1) {
      int me = rank;
      group.call(g -> g.leave(me)).join();
    }
    if (mailboxRef != null) {
      mailboxRef.kill();
    }
  }

  /** The same collective as seen by {@code otherRank}. */
  Collective forRank(int otherRank) {
    return new Collective(group, otherRank, worldSize);
  }
}
