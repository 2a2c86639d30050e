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
package io.sparkair.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A test actor with state. */
public class Counter {
  private long total;
  private final List<Long> seen = new ArrayList<>();
  private final List<CompletableFuture<Long>> waiting = new ArrayList<>();

  public long add(long x) {
    total += x;
    seen.add(x);
    return total;
  }

  public List<Long> seen() {
    return new ArrayList<>(seen);
  }

  public long pid() {
    return ProcessHandle.current().pid();
  }

  public long sleep(long ms) throws InterruptedException {
    Thread.sleep(ms);
    return ms;
  }

  /** A barrier: answers every caller with the count once {@code parties} have arrived. */
  public CompletableFuture<Long> arrive(long parties) {
    CompletableFuture<Long> mine = new CompletableFuture<>();
    waiting.add(mine);
    if (waiting.size() == parties) {
      waiting.forEach(w -> w.complete(parties));
      waiting.clear();
    }
    return mine;
  }

  /** Answers later, with a failure. */
  public CompletableFuture<Long> failLater(String message) {
    return CompletableFuture.supplyAsync(
        () -> {
          throw new IllegalStateException(message);
        });
  }

  public long fail(String message) {
    throw new IllegalStateException(message);
  }
}
