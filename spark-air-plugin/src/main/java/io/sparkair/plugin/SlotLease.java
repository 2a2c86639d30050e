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

import io.sparkair.runtime.actor.ActorRef;
import java.util.List;

/**
 * Spark task slots held for an actor group: one running Spark task per slot, visible in Spark's UI
 * as a job of the lease's description, until the lease is closed.
 */
public final class SlotLease implements AutoCloseable {
  private final String id;
  private final List<String> executors;
  private final ActorRef<SlotLeaseService> service;
  private volatile boolean closed;

  SlotLease(String id, List<String> executors, ActorRef<SlotLeaseService> service) {
    this.id = id;
    this.executors = List.copyOf(executors);
    this.service = service;
  }

  /** The lease's id. */
  public String id() {
    return id;
  }

  /** The executor holding each slot, by slot index. */
  public List<String> executors() {
    return executors;
  }

  /** Number of slots held. */
  public int size() {
    return executors.size();
  }

  /** Ends the lease when all these actors have died, even if it is never closed. */
  void bind(List<Long> actorIds) {
    service
        .call(
            s -> {
              s.bind(id, actorIds);
              return null;
            })
        .join();
  }

  /** Gives the slots back to Spark. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      service.tell(
          s -> {
            s.release(id);
            return null;
          });
    }
  }
}
