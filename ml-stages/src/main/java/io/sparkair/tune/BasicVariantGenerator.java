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
package io.sparkair.tune;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ray's basic variant generation: {@code numSamples} passes over every grid combination, each
 * trial's domains sampled at random from a seeded source, so an experiment repeats exactly.
 */
public final class BasicVariantGenerator implements Searcher {
  /** The number of passes over the grid. */
  private final int numSamples;

  /** The search space, or null before {@link #setup}. */
  private Map<String, ?> space;

  /** The space's grid searches, by parameter path. */
  private Map<List<String>, GridSearch> grids;

  /** The number of grid combinations. */
  private int combinations;

  /** The seeded source of the domains' random draws. */
  private Random random;

  /** The index of the next trial. */
  private int next;

  /** A generator of {@code numSamples} passes over the grid. */
  public BasicVariantGenerator(int numSamples) {
    if (numSamples <= 0) {
      throw new IllegalArgumentException("numSamples must be > 0, got " + numSamples);
    }
    this.numSamples = numSamples;
  }

  @Override
  public void setup(Map<String, ?> paramSpace, String metric, String mode, long seed) {
    this.space = paramSpace;
    this.grids = SearchSpace.grids(paramSpace);
    this.combinations = SearchSpace.combinations(grids);
    this.random = new Random(seed);
    this.next = 0;
  }

  /** How many trials this generator makes in all. */
  public int total() {
    return numSamples * combinations;
  }

  @Override
  public Map<String, Object> suggest(String trialId) {
    if (space == null) {
      throw new IllegalStateException("setup was not called");
    }
    if (next >= total()) {
      return null;
    }
    return SearchSpace.resolve(space, grids, next++ % combinations, random);
  }
}
