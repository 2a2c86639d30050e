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

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A driver program that runs {@link TunerExecutionTest}'s experiment until the test kills it:
 * {@code <storage path> <log file>}.
 */
public final class InterruptedExperimentMain {
  private InterruptedExperimentMain() {}

  /** The experiment's name under the storage path. */
  static final String NAME = "interrupted";

  /** The trainer the experiment tunes; the restore passes an equal one. */
  static DataParallelTrainer trainer(AirDataset data, String log) {
    return new DataParallelTrainer(new ToyLoop())
        .setScalingConfig(ScalingConfig.of(1))
        .setDataset("train", data)
        .setTrainLoopConfig(Map.of("iterations", 6, "sleepMs", 250, "log", log));
  }

  /** The experiment's search space; the restore passes it again. */
  static Map<String, ?> paramSpace() {
    return Map.of("trainLoopConfig", Map.of("x", Tune.uniform(0, 10)));
  }

  /** The experiment's tune configuration, with a new searcher; the restore passes it again. */
  static TuneConfig tuneConfig() {
    return new TuneConfig()
        .setMetric("score", "max")
        .setMaxConcurrentTrials(1)
        .setSearcher(new TpeSearcher(6, 2, 0.25, 6))
        .setSeed(7);
  }

  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("interrupted")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try (AirDataset data = Air.get(spark).range(100)) {
      new Tuner(
              trainer(data, args[1]),
              paramSpace(),
              tuneConfig(),
              new RunConfig().setName(NAME).setStoragePath(args[0]).setVerbose(0))
          .fit();
    }
    spark.stop();
  }
}
