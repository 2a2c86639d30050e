package io.sparkair.train;

import java.util.Objects;

/**
 * A trainer running a loop of your own in every worker (Ray's {@code DataParallelTrainer}): each
 * worker gets its shard of the datasets and the loop configuration, and reports metrics and
 * checkpoints through its {@link TrainContext}. See {@link BaseTrainer} for what {@link #fit()}
 * does.
 *
 * <pre>{@code
 * Result result = new DataParallelTrainer((config, context) -> {
 *   BlockSet shard = context.getDatasetShard("train");
 *   ... context.report(Map.of("loss", loss));
 * }).setScalingConfig(ScalingConfig.of(2)).setDataset("train", train).fit();
 * }</pre>
 */
public class DataParallelTrainer extends BaseTrainer<DataParallelTrainer> {
  private final TrainLoop loop;

  /** A trainer running {@code loop} in every worker. */
  public DataParallelTrainer(TrainLoop loop) {
    this.loop = Objects.requireNonNull(loop, "loop");
  }

  @Override
  protected DataParallelTrainer newInstance() {
    return new DataParallelTrainer(loop);
  }

  /** {@inheritDoc} The loop given to the constructor. */
  @Override
  protected TrainLoop startAttempt(int numWorkers) {
    return loop;
  }
}
