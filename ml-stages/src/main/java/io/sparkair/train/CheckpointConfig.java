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
 * Which checkpoints a run keeps: the {@code numToKeep} best (all when 0), ranked by the metric
 * {@code scoreAttribute} ({@code max} or {@code min} is best), or the newest without a metric. The
 * newest checkpoint stays on disk as well, to resume from, even when it is not among them.
 */
public final class CheckpointConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How many checkpoints to keep, or 0 for all. */
  private final int numToKeep;

  /** The metric checkpoints are ranked by, or null for recency. */
  private final String scoreAttribute;

  /** Whether a higher score is better. */
  private final boolean maximize;

  private CheckpointConfig(int numToKeep, String scoreAttribute, boolean maximize) {
    if (numToKeep < 0) {
      throw new IllegalArgumentException("numToKeep must be >= 0, got " + numToKeep);
    }
    this.numToKeep = numToKeep;
    this.scoreAttribute = scoreAttribute;
    this.maximize = maximize;
  }

  /** Keeps every checkpoint. */
  public static CheckpointConfig keepAll() {
    return new CheckpointConfig(0, null, true);
  }

  /** Keeps the {@code numToKeep} newest checkpoints. */
  public static CheckpointConfig keep(int numToKeep) {
    return new CheckpointConfig(numToKeep, null, true);
  }

  /**
   * Ranks checkpoints by a reported metric.
   *
   * @param order {@code max} or {@code min}
   */
  public CheckpointConfig scoreBy(String attribute, String order) {
    if (!"max".equals(order) && !"min".equals(order)) {
      throw new IllegalArgumentException("score order must be max or min, got " + order);
    }
    return new CheckpointConfig(numToKeep, attribute, "max".equals(order));
  }

  /** How many checkpoints are kept, or 0 for all. */
  public int numToKeep() {
    return numToKeep;
  }

  /** The metric checkpoints are ranked by, or null for recency. */
  public String scoreAttribute() {
    return scoreAttribute;
  }

  /** Whether a higher {@link #scoreAttribute} is better ({@code max}); true when there is none. */
  public boolean maximize() {
    return maximize;
  }
}
