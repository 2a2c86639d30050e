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

import io.sparkair.runtime.transport.Reply;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hosted actor: its instance, its mailbox and the thread that drains it. Calls run one at a
 * time in arrival order. When idle the thread spins briefly before parking, so a steady stream of
 * calls does not pay a wake-up each.
 */
final class ActorCell implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ActorCell.class);
  private static final long SPIN_NANOS = 20_000;

  private record Envelope(Object fn, Object arg, Reply reply) {}

  private final long id;
  private final String description;
  private final String node;
  private final Object instance;
  private final ConcurrentLinkedQueue<Envelope> mailbox = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean parked;
  private volatile String deathReason;

  ActorCell(long id, String description, String node, Object instance) {
    this.id = id;
    this.description = description;
    this.node = node;
    this.instance = instance;
    this.thread = new Thread(this, "air-actor-" + description);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  long id() {
    return id;
  }

  String description() {
    return description;
  }

  /** Queues a call; a call to a dead actor is answered with its death at once. */
  void enqueue(Object fn, Object arg, Reply reply) {
    String dead = deathReason;
    if (dead != null) {
      if (reply != null) {
        reply.died(dead);
      }
      return;
    }
    mailbox.add(new Envelope(fn, arg, reply));
    if (deathReason != null) {
      failQueued();
    } else if (parked) {
      LockSupport.unpark(thread);
    }
  }

  /** Stops the actor: queued and later calls fail with the reason. */
  void kill(String reason) {
    if (deathReason != null) {
      return;
    }
    deathReason = reason;
    LockSupport.unpark(thread);
    if (Thread.currentThread() != thread) {
      thread.interrupt();
    }
    failQueued();
  }

  private void failQueued() {
    Envelope e;
    while ((e = mailbox.poll()) != null) {
      if (e.reply != null) {
        e.reply.died(deathReason);
      }
    }
  }

  @Override
  public void run() {
    try {
      while (deathReason == null) {
        Envelope e = mailbox.poll();
        if (e == null) {
          idle();
        } else {
          execute(e);
        }
      }
    } finally {
      failQueued();
      if (instance instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception ex) {
          LOG.warn("actor {} failed to close", description, ex);
        }
      }
    }
  }

  private void idle() {
    long deadline = System.nanoTime() + SPIN_NANOS;
    while (mailbox.isEmpty() && deathReason == null && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    if (!mailbox.isEmpty() || deathReason != null) {
      return;
    }
    parked = true;
    if (mailbox.isEmpty() && deathReason == null) {
      LockSupport.park(this);
    }
    parked = false;
    Thread.interrupted();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void execute(Envelope e) {
    Object result;
    try {
      if (e.fn instanceof ActorCall call) {
        result = call.apply(instance);
      } else if (e.fn instanceof ActorMethod1 method) {
        result = method.apply(instance, e.arg);
      } else {
        throw new IllegalArgumentException("not an actor call: " + e.fn.getClass().getName());
      }
    } catch (Throwable t) {
      if (deathReason != null && e.reply != null) {
        e.reply.died(deathReason);
        return;
      }
      if (e.reply != null) {
        e.reply.fail(t, !mailbox.isEmpty());
      } else {
        LOG.warn("one-way call to actor {} failed", description, t);
      }
      if (t instanceof Error && !(t instanceof AssertionError)) {
        kill("it threw " + t);
      }
      return;
    }
    if (e.reply == null) {
      return;
    }
    if (result instanceof CompletionStage<?> stage) {
      Reply reply = e.reply;
      stage.whenComplete(
          (value, failure) -> {
            if (failure == null) {
              reply.ok(value, false);
            } else {
              reply.fail(
                  failure instanceof CompletionException && failure.getCause() != null
                      ? failure.getCause()
                      : failure,
                  false);
            }
          });
      return;
    }
    e.reply.ok(result, !mailbox.isEmpty());
  }

  @Override
  public String toString() {
    return "actor " + description + " on " + node;
  }
}
