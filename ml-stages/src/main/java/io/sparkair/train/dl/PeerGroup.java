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

import io.sparkair.runtime.actor.ActorRef;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The driver-side actor of one training attempt's workers: it tells every worker where the others'
 * mailboxes are, and records when one has left (its loop ended, normally or not) so that the others
 * stop waiting for it. The arrays themselves go from worker to worker.
 */
final class PeerGroup implements AutoCloseable {
  private final int worldSize;
  private final List<ActorRef<PeerMailbox>> mailboxes;
  private final List<CompletableFuture<List<ActorRef<PeerMailbox>>>> joined = new ArrayList<>();
  private String gone;

  /** A worker's mailbox. */
  record Member(int rank, ActorRef<PeerMailbox> mailbox) implements Serializable {}

  PeerGroup(int worldSize) {
    if (worldSize < 1) {
      throw new IllegalArgumentException("worldSize must be >= 1, got " + worldSize);
    }
    this.worldSize = worldSize;
    this.mailboxes = new ArrayList<>(java.util.Collections.nCopies(worldSize, null));
  }

  /**
   * Records a worker's mailbox; completes with every worker's, in rank order, once all have joined.
   *
   * @throws IllegalArgumentException for a rank out of range or one that joined already
   */
  CompletableFuture<List<ActorRef<PeerMailbox>>> join(Member m) {
    if (m.rank() < 0 || m.rank() >= worldSize) {
      throw new IllegalArgumentException("rank " + m.rank() + " is not in a group of " + worldSize);
    }
    if (mailboxes.get(m.rank()) != null) {
      throw new IllegalArgumentException("rank " + m.rank() + " joined twice");
    }
    CompletableFuture<List<ActorRef<PeerMailbox>>> mine = new CompletableFuture<>();
    if (gone != null) {
      mine.completeExceptionally(new IllegalStateException(gone));
      return mine;
    }
    mailboxes.set(m.rank(), m.mailbox());
    joined.add(mine);
    if (joined.size() == worldSize) {
      List<ActorRef<PeerMailbox>> all = List.copyOf(mailboxes);
      joined.forEach(j -> j.complete(all));
      joined.clear();
    }
    return mine;
  }

  /** Why the group can no longer exchange arrays, or null while it can. */
  String failure() {
    return gone;
  }

  /** Records that {@code rank}'s loop ended: the others can no longer be answered. */
  Void leave(int rank) {
    fail(
        "worker "
            + rank
            + " left the all-reduce (its loop ended) while the others still "
            + "call it; every worker must take the same number of steps");
    return null;
  }

  private void fail(String why) {
    if (gone != null) {
      return;
    }
    gone = why;
    IllegalStateException e = new IllegalStateException(why);
    joined.forEach(j -> j.completeExceptionally(e));
    joined.clear();
  }

  /** Fails the workers still joining: the attempt ended. */
  @Override
  public void close() {
    fail("the training attempt ended");
  }
}
