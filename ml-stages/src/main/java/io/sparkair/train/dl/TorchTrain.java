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
package io.sparkair.train.dl;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import io.sparkair.data.BlockSet;
import io.sparkair.runtime.collective.Collective;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a {@link TorchTrainer} loop calls (Ray's {@code ray.train.torch}): {@link #prepareModel}
 * makes a DJL model data-parallel, {@link #iterBatches} reads a dataset shard as DJL batches. Both
 * work on the worker's thread that runs the loop.
 */
public final class TorchTrain {
  private static final ThreadLocal<Collective> SESSION = new ThreadLocal<>();

  /**
   * Held by a worker while it runs its loop, released while it waits in an all-reduce. DJL allows
   * one gradient collector at a time per JVM, so workers sharing an executor take turns; a worker
   * alone in its executor never waits for it.
   */
  static final ReentrantLock ENGINE = new ReentrantLock(true);

  private TorchTrain() {}

  /** Runs {@code body} as the worker of {@code collective}'s rank. */
  static void within(Collective collective, Runnable body) {
    Collective previous = SESSION.get();
    SESSION.set(collective);
    ENGINE.lock();
    try {
      body.run();
    } finally {
      ENGINE.unlock();
      SESSION.set(previous);
    }
  }

  /**
   * This worker's collectives: the loop's {@link io.sparkair.train.TrainContext#collective()},
   * releasing the engine to the JVM's other workers while a call waits.
   *
   * @throws IllegalStateException outside a {@link TorchTrainer} loop
   */
  public static Collective collective() {
    Collective c = SESSION.get();
    if (c == null) {
      throw new IllegalStateException(
          "no TorchTrainer worker runs on this thread; call this " + "from the train loop");
    }
    return c;
  }

  /**
   * The model, made data-parallel (Ray's {@code prepare_model}): the trainers it makes start from
   * rank 0's initial parameters, and average gradients across the workers before every optimizer
   * step, so all workers end each step with identical parameters. Everything else is the model
   * itself. With one worker it changes nothing.
   *
   * @throws IllegalStateException outside a {@link TorchTrainer} loop
   */
  public static Model prepareModel(Model model) {
    Objects.requireNonNull(model, "model");
    return new DataParallelModel(model, collective());
  }

  /**
   * A shard as DJL batches of {@code batchSize} rows (the last may be shorter): features, then
   * labels when {@code labelColumn} is not null. Inside a {@link TorchTrainer} loop every worker
   * gets the same number of rows (see {@link TorchBatches}); every worker must then call this once
   * per pass. Close it when done.
   *
   * @throws IllegalArgumentException when no feature column is named or {@code batchSize} is not
   *     positive
   */
  public static TorchBatches iterBatches(
      BlockSet shard,
      NDManager manager,
      int batchSize,
      List<String> featureColumns,
      String labelColumn) {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(manager, "manager");
    return new TorchBatches(shard, manager, batchSize, featureColumns, labelColumn, SESSION.get());
  }
}
