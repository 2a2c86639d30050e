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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.FailureConfig;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.Trainer;
import io.sparkair.train.TrainingCallback;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's FarePredictor trained by TorchTrainer on two executor JVMs (local-cluster): the
 * gradients meet in the driver's all-reduce actor over the network, and a run whose executor is
 * killed resumes from its last epoch checkpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TorchTrainerClusterTest {
  private static SparkSession spark;
  private static Air air;
  private static AirDataset trips;

  @BeforeAll
  static void startCluster() {
    spark =
        SparkSession.builder()
            .master("local-cluster[2,1,1536]")
            .appName("torch-trainer-cluster")
            .config("spark.ui.enabled", "false")
            .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
            .config("spark.executor.extraJavaOptions", System.getProperty("air.jvm.options", ""))
            .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.12")
            .config("spark.executorEnv.SPARK_TESTING", "1")
            .config("spark.air.slots.timeoutSeconds", "30")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    air = Air.get(spark);
    air.awaitNodes(2, Duration.ofSeconds(60));
    trips = air.fromDataFrame(TaxiTrips.generate(spark, 4101, 11, 4));
  }

  @AfterAll
  static void stopCluster() {
    trips.close();
    spark.stop();
  }

  private static Trainer trainer(int epochs, Path dir, String name) {
    return new TorchTrainer(new FareLoop())
        .setTrainLoopConfig(
            Map.of("num_epochs", epochs, "batch_size", 64, "lr", 1e-2, "check_identical", true))
        .setScalingConfig(ScalingConfig.of(2))
        .setDataset("train", trips)
        .setPreprocessor(new StandardScaler(TaxiTrips.FEATURES))
        .setRunConfig(new RunConfig().setName(name).setStoragePath(dir.toString()).setVerbose(0));
  }

  @Test
  @Order(1)
  void twoExecutorJvmsHoldIdenticalParametersAfterEveryStep(@TempDir Path dir) {
    Result result = trainer(3, dir, "two-jvms").fit();
    assertNull(result.error());
    assertEquals(3, result.metricsHistory().size());
    int batches = ((Number) result.metrics().get("batches")).intValue();
    assertTrue(batches >= 25, "about 2050 rows per worker in batches of 64: " + batches);
    assertEquals(
        3 * batches,
        ((Number) result.metrics().get("checked_steps")).intValue(),
        "every step checked across the JVMs");
    double first = ((Number) result.metricsHistory().get(0).get("loss")).doubleValue();
    double last = ((Number) result.metrics().get("loss")).doubleValue();
    assertTrue(last < first, "the loss falls: " + result.metricsHistory());
  }

  @Test
  @Order(2)
  void aRunWhoseExecutorDiesResumesFromItsLastEpochCheckpoint(@TempDir Path dir) {
    air.awaitSlots(2, Duration.ofSeconds(60));
    AtomicBoolean killed = new AtomicBoolean();
    TrainingCallback killAfterEpoch1 =
        new TrainingCallback() {
          @Override
          public void onReport(Map<String, Object> metrics) {
            if (!killed.get() && ((Number) metrics.get("epoch")).intValue() == 1) {
              killed.set(true);
              long pid = air.nodes().get(0).pid();
              assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
            }
          }
        };
    Trainer trainer = trainer(6, dir, "survives");
    trainer.setRunConfig(
        trainer.runConfig().setFailureConfig(FailureConfig.of(2)).addCallbacks(killAfterEpoch1));
    Result result = trainer.fit();

    assertTrue(killed.get(), "an executor was killed");
    assertNull(result.error());
    assertEquals(5, ((Number) result.metrics().get("epoch")).intValue());
    assertEquals(1, ((Number) result.metrics().get("attempt")).intValue());
    List<Map<String, Object>> history = result.metricsHistory();
    Map<String, Object> firstOfSecond =
        history.stream()
            .filter(m -> ((Number) m.get("attempt")).intValue() == 1)
            .findFirst()
            .orElseThrow();
    assertEquals(
        2,
        ((Number) firstOfSecond.get("epoch")).intValue(),
        "the second attempt resumed after the checkpoint of epoch 1");
    double resumedLoss = ((Number) firstOfSecond.get("resumed_loss")).doubleValue();
    double freshLoss = ((Number) firstOfSecond.get("fresh_loss")).doubleValue();
    assertTrue(
        resumedLoss < 0.8 * freshLoss,
        "the resumed model kept what it learnt: "
            + resumedLoss
            + " as loaded from its checkpoint, against "
            + freshLoss
            + " for a newly initialized model on the same shard; "
            + history);
  }
}
