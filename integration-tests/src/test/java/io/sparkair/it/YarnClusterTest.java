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

import static io.sparkair.it.SubmittedJob.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.data.AirDataset;
import io.sparkair.data.BlockRef;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.train.FailureConfig;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.TrainingCallback;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark AIR on YARN: a {@link MiniYarn} cluster in this JVM, executors as containers launched by
 * its NodeManager, the runtime jar shipped with {@code --jars} / {@code spark.yarn.dist.jars}. The
 * breast-cancer program is submitted in client and in cluster mode, and a training run survives the
 * kill of a container's JVM.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class YarnClusterTest {
  private static final Logger LOG = LoggerFactory.getLogger(YarnClusterTest.class);
  private static final Pattern APP_ID = Pattern.compile("application_\\d+_\\d+");
  private static final Pattern ACCURACY = Pattern.compile("held-out accuracy (\\d\\.\\d+)");
  @TempDir static Path dir;
  private static MiniYarn yarn;

  @BeforeAll
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  static void startYarn() throws Exception {
    yarn = MiniYarn.start(dir);
  }

  @AfterAll
  static void stopYarn() {
    if (yarn != null) {
      yarn.close();
    }
  }

  private static String submit(String deployMode, Path log) throws Exception {
    return SubmittedJob.awaitSuccess(yarn.launch(yarn.submitCommand(deployMode), log), log);
  }

  private static String applicationId(String output) {
    Matcher m = APP_ID.matcher(output);
    assertTrue(m.find(), "the submission names its YARN application: " + tail(output));
    return m.group();
  }

  private static void assertTheProgramRan(String mode, String driverOutput) {
    assertTrue(driverOutput.contains("best trial: {params={max_depth="), tail(driverOutput));
    assertTrue(
        driverOutput.contains("the service answered: 200 [{\"prediction\""), tail(driverOutput));
    Matcher accuracy = ACCURACY.matcher(driverOutput);
    assertTrue(accuracy.find(), tail(driverOutput));
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 0.9, accuracy.group());
    LOG.info("YARN {} mode: {}", mode, accuracy.group());
  }

  private static void assertThePluginStartedInExecutors(String applicationId) throws Exception {
    long executorsWithRuntime =
        yarn.containerLogs(applicationId, "stderr").values().stream()
            .filter(log -> log.contains("Spark AIR runtime of executor"))
            .count();
    assertTrue(
        executorsWithRuntime >= 2,
        "the runtime started in both executor containers: "
            + yarn.containerLogs(applicationId, "stderr").keySet());
  }

  @Test
  void theBreastCancerProgramRunsInClientMode() throws Exception {
    String output = submit("client", dir.resolve("client.log"));
    assertTheProgramRan("client", output);
    assertThePluginStartedInExecutors(applicationId(output));
  }

  @Test
  void theBreastCancerProgramRunsInClusterMode() throws Exception {
    String output = submit("cluster", dir.resolve("cluster.log"));
    assertTrue(output.contains("final status: SUCCEEDED"), tail(output));
    String applicationId = applicationId(output);
    String driver =
        yarn.containerLogs(applicationId, "stdout").entrySet().stream()
            .filter(e -> e.getKey().endsWith("_000001"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("");
    assertTheProgramRan("cluster", driver);
    assertThePluginStartedInExecutors(applicationId);
  }

  @Test
  void aContainerKilledMidTrainingResumesFromItsLatestCheckpoint() throws Exception {
    SparkSession.Builder b =
        SparkSession.builder()
            .master("yarn")
            .appName("spark-air-yarn-fault")
            .config("spark.submit.deployMode", "client")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .config(
                "spark.yarn.dist.jars",
                LocalCluster.runtimeJar() + "," + LocalCluster.examplesJar());
    MiniYarn.sparkSettings().forEach(b::config);
    yarn.sparkHadoopSettings().forEach(b::config);
    SparkSession spark = b.getOrCreate();
    try {
      Air air = Air.get(spark);
      air.awaitNodes(2, Duration.ofSeconds(120));
      Column[] columns = new Column[9];
      for (int c = 0; c < 8; c++) {
        columns[c] = functions.rand(c).alias("c" + c);
      }
      columns[8] = functions.col("id");
      try (AirDataset train =
          air.fromDataFrame(
              spark
                  .range(0, 100_000, 1, 4)
                  .select(columns)
                  .withColumn(
                      "label",
                      functions
                          .when(functions.col("c0").plus(functions.col("c1")).gt(1), 1.0)
                          .otherwise(0.0))
                  .drop("id"))) {
        List<BlockRef> made = train.blocks();
        AtomicBoolean killed = new AtomicBoolean();
        Result result =
            new XGBoostTrainer()
                .setLabelColumn("label")
                .setNumBoostRound(60)
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
                        .setName("yarn-survives")
                        .setStoragePath(dir.resolve("runs").toString())
                        .setFailureConfig(FailureConfig.of(2))
                        .addCallbacks(killAtRound25(air, made.get(0).executor(), killed)))
                .fit();
        assertTrue(killed.get(), "a container's JVM was killed");
        assertNull(result.error());
        assertEquals(60, ((Number) result.metrics().get("training_iteration")).intValue());
        assertEquals(1, ((Number) result.metrics().get("attempt")).intValue());
        assertTrue((Double) result.metrics().get("train-logloss") < 0.2, result.toString());
        assertNotEquals(made, train.blocks(), "the blocks lost with the container were remade");
        assertEquals(100_000, train.toDataFrame().count());
      }
    } finally {
      spark.stop();
    }
  }

  /**
   * Kills the JVM of the container that runs {@code executor} when rank 0 reports round 25 of the
   * first attempt.
   */
  private static TrainingCallback killAtRound25(Air air, String executor, AtomicBoolean killed) {
    return new TrainingCallback() {
      @Override
      public void onReport(Map<String, Object> metrics) {
        if (!killed.get() && ((Number) metrics.get("training_iteration")).intValue() == 25) {
          killed.set(true);
          long pid =
              air.nodes().stream()
                  .filter(n -> n.nodeId().equals(executor))
                  .findFirst()
                  .orElseThrow()
                  .pid();
          assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
        }
      }
    };
  }
}
