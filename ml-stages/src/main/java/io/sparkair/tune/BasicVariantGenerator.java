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
