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

import io.sparkair.runtime.actor.ActorCall;
import io.sparkair.runtime.actor.ActorRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A gang of actors started together, one per rank, each holding a Spark task slot while the group
 * lives. Closing the group kills its actors and gives the slots back.
 *
 * @param <A> the actors' class
 */
public final class ActorGroup<A> implements AutoCloseable {
  private final List<ActorRef<A>> actors;
  private final SlotLease lease;
  private volatile boolean closed;

  ActorGroup(List<ActorRef<A>> actors, SlotLease lease) {
    this.actors = List.copyOf(actors);
    this.lease = lease;
  }

  /** The actors, by rank. */
  public List<ActorRef<A>> actors() {
    return actors;
  }

  /** The actor of one rank. */
  public ActorRef<A> get(int rank) {
    if (rank < 0 || rank >= actors.size()) {
      throw new IllegalArgumentException("rank " + rank + " is outside 0.." + (actors.size() - 1));
    }
    return actors.get(rank);
  }

  /** Number of actors. */
  public int size() {
    return actors.size();
  }

  /** The executor each rank runs on. */
  public List<String> executors() {
    List<String> nodes = new ArrayList<>();
    for (ActorRef<A> a : actors) {
      nodes.add(a.node());
    }
    return nodes;
  }

  /** Calls every actor; the futures are in rank order. */
  public <R> List<CompletableFuture<R>> callAll(ActorCall<A, R> fn) {
    List<CompletableFuture<R>> results = new ArrayList<>();
    for (ActorRef<A> a : actors) {
      results.add(a.call(fn));
    }
    return results;
  }

  /** Kills the actors and releases their Spark task slots. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ActorRef<A> a : actors) {
      try {
        a.kill();
      } catch (RuntimeException e) {
        // the actor is already gone; nothing more to free
      }
    }
    if (lease != null) {
      lease.close();
    }
  }
}
