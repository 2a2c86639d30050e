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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The result of an actor call. Waiting on it ({@link #join()}, {@link #get()}) spins for a few
 * microseconds before blocking, because most actor calls answer faster than a thread can be parked
 * and woken.
 *
 * <p>Dependent stages added without an executor ({@code thenApply}, ...) run on the thread that
 * completes the call, which for a remote call is the runtime's network thread: use the {@code
 * *Async} variants for anything that blocks or takes long.
 *
 * @param <T> the result type
 */
public final class ActorFuture<T> extends CompletableFuture<T> {
  private static final long SPIN_NANOS = 20_000;

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new ActorFuture<>();
  }

  private void spin() {
    if (isDone()) {
      return;
    }
    long deadline = System.nanoTime() + SPIN_NANOS;
    while (!isDone() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  @Override
  public T join() {
    spin();
    return super.join();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    spin();
    return super.get();
  }
}
