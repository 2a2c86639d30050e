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

import io.sparkair.runtime.Internal;
import io.sparkair.runtime.transport.Invocation;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A handle to an actor, usable from any JVM of the application. Calls are delivered to the actor's
 * mailbox and run one at a time, in the order each caller made them.
 *
 * <pre>{@code
 * ActorRef<Counter> counter = runtime.spawn(Counter::new, SpawnOptions.defaults());
 * long n = counter.call(Counter::add, 5L).join();
 * counter.tell(c -> c.reset());
 * }</pre>
 *
 * <p>A call to an actor in the same JVM runs the function directly, without serialization. A call
 * to a remote actor ships the function (and argument) with Java serialization. Exceptions thrown by
 * the actor complete the future exceptionally with the remote stack trace; when the actor's JVM
 * dies, pending calls fail with {@link ActorDiedException}.
 *
 * @param <A> the actor's class
 */
public final class ActorRef<A> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The actor's cluster-unique id. */
  private final long id;

  /** The actor's name, or null. */
  private final String name;

  /** Where the actor lives, as last known. */
  private volatile ActorLocation location;

  private transient volatile CallRouter router;

  /**
   * Made by the runtime when an actor is spawned or looked up.
   *
   * @param id the actor's cluster-unique id
   * @param name its name, or null
   * @param location where it lives
   * @param router the runtime that routes calls made through this ref
   */
  @Internal
  public ActorRef(long id, String name, ActorLocation location, CallRouter router) {
    this.id = id;
    this.name = name;
    this.location = Objects.requireNonNull(location, "location");
    this.router = router;
  }

  /**
   * Calls a function of the actor; the future completes with its result. (A result that is a {@code
   * CompletionStage} is waited for: use {@link #callAsync} for such functions.)
   */
  public <R> ActorFuture<R> call(ActorCall<A, R> fn) {
    return send(Objects.requireNonNull(fn, "fn"), Invocation.NO_ARG);
  }

  /** Calls a one-argument method of the actor, for example {@code ref.call(Counter::add, 5L)}. */
  public <T, R> ActorFuture<R> call(ActorMethod1<A, T, R> method, T arg) {
    return send(Objects.requireNonNull(method, "method"), arg);
  }

  /**
   * Calls a function of the actor that answers later (Ray's async actor methods): the actor goes on
   * with its mailbox at once, and the future completes when the returned stage does. Calls such as
   * a barrier, where the actor answers every caller once the last one arrives, are written this
   * way.
   */
  public <R> ActorFuture<R> callAsync(ActorCall<A, ? extends CompletionStage<R>> fn) {
    return send(Objects.requireNonNull(fn, "fn"), Invocation.NO_ARG);
  }

  /** Calls a one-argument method of the actor that answers later; see {@link #callAsync}. */
  public <T, R> ActorFuture<R> callAsync(
      ActorMethod1<A, T, ? extends CompletionStage<R>> method, T arg) {
    return send(Objects.requireNonNull(method, "method"), arg);
  }

  /** Sends a call without waiting for, or receiving, its result; failures are only logged. */
  public void tell(ActorCall<A, ?> fn) {
    router().route(this, Objects.requireNonNull(fn, "fn"), Invocation.NO_ARG, null);
  }

  @SuppressWarnings("unchecked")
  private <R> ActorFuture<R> send(Object fn, Object arg) {
    ActorFuture<Object> result = new ActorFuture<>();
    try {
      router().route(this, fn, arg, result);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return (ActorFuture<R>) result;
  }

  /** Stops the actor at once; queued and later calls fail with {@link ActorDiedException}. */
  public void kill() {
    router().kill(this);
  }

  private CallRouter router() {
    CallRouter r = router;
    if (r == null) {
      r = CallRouter.current();
      router = r;
    }
    return r;
  }

  /** The actor's cluster-unique id. */
  public long id() {
    return id;
  }

  /** The actor's name, or null. */
  public String name() {
    return name;
  }

  /** The actor's name, or {@code #id} when it has none. */
  public String describe() {
    return name != null ? name : "#" + id;
  }

  /** Where the actor lived when this ref last heard of it. */
  public ActorLocation location() {
    return location;
  }

  /** The node (executor id) hosting the actor, as last known. */
  public String node() {
    return location.node();
  }

  /** Updates the location after a restart; used by the runtime. */
  @Internal
  public void relocate(ActorLocation newLocation) {
    this.location = Objects.requireNonNull(newLocation, "newLocation");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActorRef<?> other && other.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "ActorRef(" + describe() + " @ " + location.node() + ")";
  }
}
