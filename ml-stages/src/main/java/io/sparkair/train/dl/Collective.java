package io.sparkair.train.dl;

import io.sparkair.runtime.actor.ActorRef;
import java.io.Serializable;
import java.util.Objects;

/**
 * A worker's handle on its group's all-reduce: {@link #sum} blocks until every rank has given
 * its array, then returns the element-wise sum, identical on every rank.
 */
public final class Collective implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ActorRef<AllReduceGroup> group;
  private final int rank;
  private final int worldSize;

  Collective(ActorRef<AllReduceGroup> group, int rank, int worldSize) {
    this.group = group;
    this.rank = rank;
    this.worldSize = worldSize;
  }

  /** This worker's rank. */
  public int rank() {
    return rank;
  }

  /** The number of workers. */
  public int worldSize() {
    return worldSize;
  }

  /**
   * The element-wise sum of every rank's {@code values}; every rank must call it the same
   * number of times, with arrays of one length. With one worker it is {@code values} itself.
   */
  public float[] sum(float[] values) {
    Objects.requireNonNull(values, "values");
    if (worldSize == 1) {
      return values;
    }
    boolean held = TorchTrain.ENGINE.isHeldByCurrentThread();
    if (held) {
      TorchTrain.ENGINE.unlock();
    }
    try {
      return group.callAsync(AllReduceGroup::contribute,
          new AllReduceGroup.Contribution(rank, values)).join();
    } finally {
      if (held) {
        TorchTrain.ENGINE.lock();
      }
    }
  }

  /** Tells the group this worker's loop ended, so that no other worker waits for it. */
  void leave() {
    if (worldSize > 1) {
      int me = rank;
      group.call(g -> g.leave(me)).join();
    }
  }

  /** The same collective as seen by {@code otherRank}. */
  Collective forRank(int otherRank) {
    return new Collective(group, otherRank, worldSize);
  }
}
