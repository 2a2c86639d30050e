package io.sparkair.train.dl;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * The actor that sums the workers' arrays, one round at a time: each worker contributes its
 * array and gets, once every rank has contributed, the element-wise sum, added in rank order
 * so that every worker receives the very same floats. Hosted on the driver for one training
 * attempt. Once a rank has left (its loop ended, normally or not), every round fails at once
 * instead of waiting for it forever, and so does every round when the group is closed.
 */
final class AllReduceGroup implements AutoCloseable {
  private final int worldSize;
  private final float[][] contributions;
  private final CompletableFuture<float[]>[] waiting;
  private int arrived;
  private String gone;

  /** One worker's part of a round. */
  record Contribution(int rank, float[] values) implements Serializable {}

  @SuppressWarnings("unchecked")
  AllReduceGroup(int worldSize) {
    if (worldSize < 1) {
      throw new IllegalArgumentException("worldSize must be >= 1, got " + worldSize);
    }
    this.worldSize = worldSize;
    this.contributions = new float[worldSize][];
    this.waiting = new CompletableFuture[worldSize];
  }

  /**
   * Adds one rank's array to the current round; the future completes with the sum once all
   * ranks are in.
   *
   * @throws IllegalArgumentException for a rank out of range, a rank that already contributed
   *     to this round, or an array whose length differs from the others'
   */
  CompletableFuture<float[]> contribute(Contribution c) {
    if (c.rank() < 0 || c.rank() >= worldSize) {
      throw new IllegalArgumentException("rank " + c.rank() + " is not in a group of "
          + worldSize);
    }
    if (contributions[c.rank()] != null) {
      throw new IllegalArgumentException("rank " + c.rank() + " contributed twice to a round");
    }
    for (float[] other : contributions) {
      if (other != null && other.length != c.values().length) {
        throw new IllegalArgumentException("rank " + c.rank() + " contributed "
            + c.values().length + " values where the others gave " + other.length);
      }
    }
    CompletableFuture<float[]> mine = new CompletableFuture<>();
    if (gone != null) {
      mine.completeExceptionally(new IllegalStateException(gone));
      return mine;
    }
    contributions[c.rank()] = c.values();
    waiting[c.rank()] = mine;
    if (++arrived == worldSize) {
      float[] sum = contributions[0].clone();
      for (int r = 1; r < worldSize; r++) {
        float[] add = contributions[r];
        for (int i = 0; i < sum.length; i++) {
          sum[i] += add[i];
        }
      }
      CompletableFuture<float[]>[] answer = waiting.clone();
      java.util.Arrays.fill(contributions, null);
      java.util.Arrays.fill(waiting, null);
      arrived = 0;
      for (CompletableFuture<float[]> w : answer) {
        w.complete(sum);
      }
    }
    return mine;
  }

  /** Records that {@code rank}'s loop ended: rounds can no longer complete. */
  Void leave(int rank) {
    if (gone == null) {
      fail("worker " + rank + " left the all-reduce (its loop ended) while the others still "
          + "call it; every worker must take the same number of steps");
    }
    return null;
  }

  private void fail(String why) {
    gone = why;
    for (int r = 0; r < worldSize; r++) {
      if (waiting[r] != null) {
        waiting[r].completeExceptionally(new IllegalStateException(why));
        waiting[r] = null;
        contributions[r] = null;
      }
    }
    arrived = 0;
  }

  /** Fails the rounds still waiting: the attempt ended. */
  @Override
  public void close() {
    if (gone == null) {
      fail("the training attempt ended");
    }
  }
}
