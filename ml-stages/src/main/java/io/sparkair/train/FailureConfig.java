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

import java.io.Serializable;

/**
 * How many times a run restarts its workers, from the latest checkpoint, after a worker or its
 * executor dies before the run gives up (0: never; -1: without limit).
 */
public final class FailureConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Restarts allowed: 0 for none, -1 without limit. */
  private final int maxFailures;

  private FailureConfig(int maxFailures) {
    if (maxFailures < -1) {
      throw new IllegalArgumentException("maxFailures must be >= -1, got " + maxFailures);
    }
    this.maxFailures = maxFailures;
  }

  /** Restarts up to {@code maxFailures} times. */
  public static FailureConfig of(int maxFailures) {
    return new FailureConfig(maxFailures);
  }

  /** How many restarts are allowed: 0 for none, -1 without limit. */
  public int maxFailures() {
    return maxFailures;
  }

  boolean allowsAnother(int failuresSoFar) {
    return maxFailures < 0 || failuresSoFar <= maxFailures;
  }
}
