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
package io.sparkair.tune.bench;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.tune.ResultGrid;
import io.sparkair.tune.Tune;
import io.sparkair.tune.TuneConfig;
import io.sparkair.tune.Tuner;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The Tuner's own overhead: {@code bench.trials} trials (200 by default), each reporting 10 times
 * with {@code bench.sleepMs} (10 ms by default) of pretend work before each report, two one-worker
 * trials at a time on 2 cores, first with a worker group started per trial, then with {@code
 * reuseActors}. The ideal time is trials × 10 × sleep / 2.
 *
 * <p>Run: {@code mvn -B -DskipTests install && mvn -B -pl ml-stages -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.tune.bench.TunerOverheadBenchmark}.
 */
public final class TunerOverheadBenchmark {
  private TunerOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int trials = Integer.getInteger("bench.trials", 200);
    long sleepMs = Long.getLong("bench.sleepMs", 10);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("tuner-overhead")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try (AirDataset tiny = Air.get(spark).range(100)) {
      DataParallelTrainer trainer =
          new DataParallelTrainer(
                  (config, context) -> {
                    for (int i = 1; i <= 10; i++) {
                      Thread.sleep(sleepMs);
                      context.report(Map.of("score", (double) i, "training_iteration", i));
                    }
                  })
              .setScalingConfig(ScalingConfig.of(1))
              .setDataset("train", tiny);
      for (boolean reuse : new boolean[] {false, true}) {
        long t = System.nanoTime();
        ResultGrid grid =
            new Tuner(
                    trainer,
                    Map.of("trainLoopConfig", Map.of("x", Tune.uniform(0, 1))),
                    new TuneConfig()
                        .setNumSamples(trials)
                        .setMetric("score", "max")
                        .setMaxConcurrentTrials(2)
                        .setReservedCpuFraction(0)
                        .setReuseActors(reuse),
                    new RunConfig()
                        .setStoragePath(Files.createTempDirectory("tuner-overhead").toString())
                        .setVerbose(0))
                .fit();
        double took = (System.nanoTime() - t) / 1e9;
        double ideal = trials * 10 * sleepMs / 1000.0 / 2;
        System.out.printf(
            Locale.ROOT,
            "reuseActors=%s: %d trials x 10 reports, %d ms of work "
                + "each, 2 at a time: %.1f s against an ideal %.1f s = %.0f%% above ideal (%.0f ms "
                + "per trial); errors %d%n",
            reuse,
            trials,
            sleepMs,
            took,
            ideal,
            100 * (took / ideal - 1),
            1000 * (took - ideal) * 2 / trials,
            grid.numErrors());
      }
    } finally {
      spark.stop();
    }
  }
}
