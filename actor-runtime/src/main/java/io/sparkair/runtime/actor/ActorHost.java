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
package io.sparkair.runtime.actor;

import io.sparkair.runtime.transport.Dispatcher;
import io.sparkair.runtime.transport.Reply;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The actors hosted by one runtime, and delivery of calls to their mailboxes. */
public final class ActorHost implements Dispatcher {
  private final String nodeId;
  private final ClassLoader classLoader;
  private final ConcurrentHashMap<Long, ActorCell> cells = new ConcurrentHashMap<>();

  /**
   * @param nodeId this runtime's node id
   * @param classLoader the loader for user classes
   */
  public ActorHost(String nodeId, ClassLoader classLoader) {
    this.nodeId = nodeId;
    this.classLoader = classLoader;
  }

  /**
   * Starts hosting an actor instance under {@code id}.
   *
   * @throws IllegalStateException if an actor with this id is already hosted
   */
  public void host(long id, String description, Object instance) {
    ActorCell cell = new ActorCell(id, description, nodeId, instance);
    if (cells.putIfAbsent(id, cell) != null) {
      throw new IllegalStateException("actor id " + id + " is already hosted on " + nodeId);
    }
    cell.start();
  }

  /** True if this runtime hosts the actor. */
  public boolean hosts(long id) {
    return cells.containsKey(id);
  }

  /** Stops a hosted actor; returns false if it was not hosted here. */
  public boolean kill(long id, String reason) {
    ActorCell cell = cells.remove(id);
    if (cell == null) {
      return false;
    }
    cell.kill(reason);
    return true;
  }

  /** Number of hosted actors. */
  public int size() {
    return cells.size();
  }

  /** Delivers a call made in this JVM, without serialization. */
  public boolean deliverLocal(long id, Object fn, Object arg, CompletableFuture<Object> result) {
    ActorCell cell = cells.get(id);
    if (cell == null) {
      return false;
    }
    cell.enqueue(
        fn, arg, result == null ? null : new LocalReply(result, cell.description(), nodeId));
    return true;
  }

  @Override
  public void dispatch(long actorId, Object fn, Object arg, Reply reply) {
    ActorCell cell = cells.get(actorId);
    if (cell == null) {
      if (reply != null) {
        reply.died(
            "actor #"
                + actorId
                + " is not hosted on "
                + nodeId
                + " (killed, failed, or restarted elsewhere)");
      }
      return;
    }
    cell.enqueue(fn, arg, reply);
  }

  @Override
  public ClassLoader classLoader() {
    return classLoader;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  /** Stops every hosted actor. */
  public void shutdown(String reason) {
    Collection<ActorCell> all = cells.values();
    for (ActorCell cell : all) {
      cell.kill(reason);
    }
    cells.clear();
  }

  private record LocalReply(CompletableFuture<Object> future, String actor, String node)
      implements Reply {
    @Override
    public void ok(Object value, boolean more) {
      future.complete(value);
    }

    @Override
    public void fail(Throwable error, boolean more) {
      future.completeExceptionally(error);
    }

    @Override
    public void died(String reason) {
      future.completeExceptionally(new ActorDiedException(actor, node, reason));
    }
  }
}
