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

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.BlockSet;
import io.sparkair.runtime.collective.Collective;
import java.util.Map;

/**
 * What a training worker sees of its run (Ray's {@code session}): its shard of each dataset, its
 * rank, the checkpoint to resume from, and {@link #report} to send metrics and checkpoints to the
 * driver.
 */
public interface TrainContext {
  /** This worker's shard of the named dataset, or null when the trainer has no such dataset. */
  BlockSet getDatasetShard(String name);

  /**
   * Reports metrics for one iteration. Rank 0's reports are the run's; other ranks may report too,
   * and are ignored. The call returns once the driver has recorded the report.
   */
  void report(Map<String, ?> metrics);

  /**
   * Reports metrics with a checkpoint of the model at this point. Rank 0's checkpoint is stored in
   * the run directory; the run resumes from it after a failure. A temporary checkpoint (one built
   * in the loop, such as {@code TorchCheckpoint.fromModel}'s) is closed once stored, on every rank,
   * so its local copy does not pile up: do not use it after reporting it.
   */
  void report(Map<String, ?> metrics, Checkpoint checkpoint);

  /**
   * Whether the driver asked the run to stop (a callback such as {@link EarlyStopping}). Rank 0
   * learns it from the reply to its reports; a loop with several workers shares it with the others
   * so that all stop at the same step. A report repeating the last reported {@code
   * training_iteration} (to add a checkpoint before stopping) replaces that report.
   */
  boolean shouldStop();

  /** The checkpoint to resume from (after a failure, or as asked), or null for a fresh start. */
  Checkpoint getCheckpoint();

  /** This worker's rank, 0 to {@link #worldSize()} - 1. */
  int worldRank();

  /** The number of workers. */
  int worldSize();

  /** This worker's rank among the workers on its executor. */
  int localRank();

  /** The Spark task slots (cores) this worker holds. */
  int cpus();

  /**
   * This worker's collectives with the other workers of the attempt ({@code allReduce}, {@code
   * broadcast}, {@code barrier}), as {@code torch.distributed} gives them in Ray's loops. The
   * workers connect to each other at the first call; every worker must make the same calls.
   */
  Collective collective();
}
