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
import io.sparkair.data.AirDataset;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * Something that trains a model on AIR datasets and records the run (Ray AIR's {@code Trainer}):
 * {@link DataParallelTrainer} for a loop of your own, and the library trainers ({@code
 * XGBoostTrainer}, {@code LightGBMTrainer}, {@code TorchTrainer}). A {@code Tuner} and the Spark ML
 * estimators take any trainer, and configure copies of it with {@link #withConfig}.
 */
public interface Trainer {
  /**
   * Trains.
   *
   * @return the run's result
   * @throws TrainingFailedException when workers failed more often than allowed
   * @throws IllegalArgumentException when the configuration or the data is wrong (before any worker
   *     starts)
   */
  Result fit();

  /**
   * A copy of this trainer with some fields replaced: the trial of a Tuner. Keys: {@code
   * scalingConfig} (a {@link ScalingConfig}, or a map of {@code numWorkers}, {@code cpusPerWorker},
   * {@code useGpu}), {@code preprocessor}, {@code trainLoopConfig} (merged into the loop's
   * configuration), and those a trainer adds (the boosting trainers' {@code params} and {@code
   * numBoostRound}).
   *
   * @throws IllegalArgumentException naming a key this trainer has no field for
   */
  Trainer withConfig(Map<String, ?> config);

  /** Adds a dataset; {@code train} is the one the preprocessor is fitted on. */
  Trainer setDataset(String name, AirDataset dataset);

  /** Sets where and how the run records itself. */
  Trainer setRunConfig(RunConfig config);

  /** Continues an earlier run from its checkpoint. */
  Trainer setResumeFromCheckpoint(Checkpoint checkpoint);

  /**
   * Runs the workers in groups kept between runs (a Tuner's reused actors) rather than in a group
   * of this run's own; null starts and stops a group per attempt.
   */
  Trainer setWorkerGroups(WorkerGroups groups);

  /** How many workers train and what each holds. */
  ScalingConfig scalingConfig();

  /** Where and how the run records itself. */
  RunConfig runConfig();

  /** A copy of the datasets, by name. */
  Map<String, AirDataset> datasets();

  /**
   * The schema of a DataFrame scored by the model of this trainer's checkpoints (a Spark ML {@code
   * AirModel}): {@code input} with the predictor's columns added, or {@code input} alone when they
   * are known only from the trained model (a loop of your own).
   */
  StructType predictionSchema(StructType input);
}
