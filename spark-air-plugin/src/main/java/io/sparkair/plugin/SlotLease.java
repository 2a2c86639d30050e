package io.sparkair.plugin;

import io.sparkair.runtime.actor.ActorRef;
import java.util.List;

/**
 * Spark task slots held for an actor group: one running Spark task per slot, visible in
 * Spark's UI as a job of the lease's description, until the lease is closed.
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
    service.call(s -> {
      s.bind(id, actorIds);
      return null;
    }).join();
  }

  /** Gives the slots back to Spark. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      service.tell(s -> {
        s.release(id);
        return null;
      });
    }
  }
}
