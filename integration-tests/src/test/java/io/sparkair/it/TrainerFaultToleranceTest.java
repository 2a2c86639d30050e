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
package io.sparkair.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.runtime.AirException;
import io.sparkair.runtime.actor.ActorDiedException;
import io.sparkair.train.FailureConfig;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.TrainingCallback;
import io.sparkair.train.TrainingFailedException;
import io.sparkair.train.lightgbm.LightGBMTrainer;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * XGBoostTrainer and LightGBMTrainer on two executor JVMs, one of which is killed while training
 * runs: the run restarts from its latest checkpoint when its FailureConfig allows, and fails
 * clearly when not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TrainerFaultToleranceTest {
  private static final int ROUNDS = 60;
  private static SparkSession spark;
  private static Air air;

  @BeforeAll
  static void startCluster() {
    spark = LocalCluster.start(true, LocalCluster.testClasspath());
    air = Air.get(spark);
    air.awaitNodes(2, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopCluster() {
    spark.stop();
  }

  /** 100,000 rows of 8 features from a seeded generator; the label is whether c0 + c1 > 1. */
  private static AirDataset data() {
    Column[] columns = new Column[9];
    for (int c = 0; c < 8; c++) {
      columns[c] = functions.rand(c).alias("c" + c);
    }
    columns[8] = functions.col("id");
    return air.fromDataFrame(
        spark
            .range(0, 100_000, 1, 4)
            .select(columns)
            .withColumn(
                "label",
                functions
                    .when(functions.col("c0").plus(functions.col("c1")).gt(1), 1.0)
                    .otherwise(0.0))
            .drop("id"));
  }

  private static XGBoostTrainer trainer(
      AirDataset train, Path dir, String name, int maxFailures, TrainingCallback killer) {
    return new XGBoostTrainer()
        .setLabelColumn("label")
        .setNumBoostRound(ROUNDS)
        .setCheckpointFrequency(10)
        .setParams(
            Map.of(
                "objective",
                "binary:logistic",
                "eval_metric",
                "logloss",
                "max_depth",
                6,
                "tree_method",
                "hist"))
        .setScalingConfig(ScalingConfig.of(2))
        .setDataset("train", train)
        .setRunConfig(
            new RunConfig()
                .setName(name)
                .setStoragePath(dir.toString())
                .setFailureConfig(FailureConfig.of(maxFailures))
                .addCallbacks(killer));
  }

  /** Kills one executor JVM when rank 0 reports round 25 of the first attempt. */
  private static TrainingCallback killAtRound25(AtomicBoolean killed) {
    return new TrainingCallback() {
      @Override
      public void onReport(Map<String, Object> metrics) {
        if (!killed.get() && ((Number) metrics.get("training_iteration")).intValue() == 25) {
          killed.set(true);
          long pid = air.nodes().get(0).pid();
          assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
        }
      }
    };
  }

  @Test
  @Order(1)
  void aRunWhoseExecutorDiesFinishesFromItsLatestCheckpoint(@TempDir Path dir) {
    AtomicBoolean killed = new AtomicBoolean();
    try (AirDataset train = data()) {
      Result result = trainer(train, dir, "survives", 2, killAtRound25(killed)).fit();
      assertTrue(killed.get(), "an executor was killed");
      assertEquals(null, result.error());
      assertEquals(ROUNDS, ((Number) result.metrics().get("training_iteration")).intValue());
      assertEquals(1, ((Number) result.metrics().get("attempt")).intValue());
      List<Map<String, Object>> history = result.metricsHistory();
      Map<String, Object> firstOfSecond =
          history.stream()
              .filter(m -> ((Number) m.get("attempt")).intValue() == 1)
              .findFirst()
              .orElseThrow();
      assertEquals(
          21,
          ((Number) firstOfSecond.get("training_iteration")).intValue(),
          "the second attempt resumed after the checkpoint of round 20");
      assertTrue(
          (Double) result.metrics().get("train-logloss") < 0.2,
          "the model still learnt: " + result.metrics());
    }
  }

  @Test
  @Order(2)
  void withoutFailuresAllowedTheRunFailsNamingTheCause(@TempDir Path dir) {
    air.awaitSlots(2, Duration.ofSeconds(60));
    AtomicBoolean killed = new AtomicBoolean();
    try (AirDataset train = data()) {
      TrainingFailedException failure =
          assertThrows(
              TrainingFailedException.class,
              () -> trainer(train, dir, "fails", 0, killAtRound25(killed)).fit());
      assertTrue(
          failure.getMessage().contains("FailureConfig(maxFailures=0)"), failure.getMessage());
      assertInstanceOf(ActorDiedException.class, failure.getCause(), failure.toString());
      assertInstanceOf(AirException.class, failure, "a Spark AIR failure");
      assertInstanceOf(AirException.class, failure.getCause(), "a Spark AIR failure");
    }
  }

  @Test
  @Order(3)
  void aLightGBMRunWhoseExecutorDiesFinishesFromItsLatestCheckpoint(@TempDir Path dir)
      throws Exception {
    air.awaitSlots(2, Duration.ofSeconds(60));
    AtomicBoolean killed = new AtomicBoolean();
    try (AirDataset train = data()) {
      Result result =
          new LightGBMTrainer()
              .setLabelColumn("label")
              .setNumBoostRound(ROUNDS)
              .setCheckpointFrequency(10)
              .setParams(
                  Map.of("objective", "binary", "metric", "binary_logloss", "num_leaves", 31))
              .setScalingConfig(ScalingConfig.of(2))
              .setDataset("train", train)
              .setRunConfig(
                  new RunConfig()
                      .setName("lightgbm")
                      .setStoragePath(dir.toString())
                      .setFailureConfig(FailureConfig.of(2))
                      .addCallbacks(killAtRound25(killed)))
              .fit();
      assertTrue(killed.get(), "an executor was killed");
      assertEquals(null, result.error());
      assertEquals(ROUNDS, ((Number) result.metrics().get("training_iteration")).intValue());
      assertEquals(1, ((Number) result.metrics().get("attempt")).intValue());
      Map<String, Object> firstOfSecond =
          result.metricsHistory().stream()
              .filter(m -> ((Number) m.get("attempt")).intValue() == 1)
              .findFirst()
              .orElseThrow();
      assertEquals(
          21,
          ((Number) firstOfSecond.get("training_iteration")).intValue(),
          "the second attempt resumed after the checkpoint of round 20");
      assertTrue(
          (Double) result.metrics().get("train-binary_logloss") < 0.2,
          "the model still learnt: " + result.metrics());
      String model =
          java.nio.file.Files.readString(result.checkpoint().modelDirectory().resolve("model.txt"));
      assertEquals(
          ROUNDS,
          model.lines().filter(l -> l.startsWith("Tree=")).count(),
          "the checkpoint's trees and the resumed ones make one model");
    }
  }
}
