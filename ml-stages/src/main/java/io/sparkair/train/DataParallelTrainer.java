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
