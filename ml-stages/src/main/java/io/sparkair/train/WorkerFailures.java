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
package io.sparkair.train;

import io.sparkair.runtime.actor.ActorDiedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Which failure of an attempt's workers counts: the root cause, not the errors it caused. */
final class WorkerFailures {
  private static final long FAILURE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(3);

  private WorkerFailures() {}

  /**
   * Waits for every worker, or for the first to fail. On a failure, waits a moment for the others
   * to fail too, and returns the root cause: a dead worker, else the first failure, rather than the
   * collective errors it caused in its peers.
   */
  static Throwable firstOf(List<CompletableFuture<Void>> running) {
    CompletableFuture<Void> firstError = new CompletableFuture<>();
    running.forEach(
        f ->
            f.whenComplete(
                (v, t) -> {
                  if (t != null) {
                    firstError.completeExceptionally(t);
                  }
                }));
    try {
      CompletableFuture.anyOf(
              CompletableFuture.allOf(running.toArray(new CompletableFuture[0])), firstError)
          .get();
      return null;
    } catch (ExecutionException e) {
      List<Throwable> failures = new ArrayList<>();
      long deadline = System.nanoTime() + FAILURE_GRACE_NANOS;
      for (CompletableFuture<Void> f : running) {
        try {
          f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
          failures.add(unwrap(failed.getCause()));
        } catch (TimeoutException | InterruptedException stillRunning) {
          if (stillRunning instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
        }
      }
      Throwable first = unwrap(e.getCause());
      Throwable root =
          failures.stream()
              .filter(t -> t instanceof ActorDiedException)
              .findFirst()
              .orElse(failures.contains(first) || failures.isEmpty() ? first : failures.get(0));
      failures.stream().filter(t -> t != root).forEach(root::addSuppressed);
      return root;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
