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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.data.AirDataset;
import io.sparkair.data.BlockRef;
import io.sparkair.plugin.Air;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

/**
 * Dynamic allocation on a {@code local-cluster} of two one-core executor JVMs, with no minimum and
 * an idle timeout of 5 s: executors that hold an open dataset's blocks are kept as executors with
 * cached data are, and released once it closes; training asks Spark for the executors it needs.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DynamicAllocationTest {
  private static final Logger LOG = LoggerFactory.getLogger(DynamicAllocationTest.class);
  private static final long ROWS = 2_000_000;
  private SparkSession spark;

  private Air start(String cachedIdleTimeout) {
    SparkSession.Builder b =
        LocalCluster.builder(true, LocalCluster.testClasspath())
            .config("spark.dynamicAllocation.enabled", "true")
            .config("spark.dynamicAllocation.shuffleTracking.enabled", "true")
            // count()'s shuffle files would keep executors too; only the dataset may keep them here
            .config("spark.dynamicAllocation.shuffleTracking.timeout", "5s")
            .config("spark.executor.cores", "1")
            .config("spark.dynamicAllocation.minExecutors", "0")
            .config("spark.dynamicAllocation.maxExecutors", "2")
            .config("spark.dynamicAllocation.executorIdleTimeout", "5s")
            .config("spark.dynamicAllocation.schedulerBacklogTimeout", "1s");
    if (cachedIdleTimeout != null) {
      b.config("spark.dynamicAllocation.cachedExecutorIdleTimeout", cachedIdleTimeout);
    }
    spark = b.getOrCreate();
    return Air.get(spark);
  }

  @AfterEach
  void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static Set<String> executors(Air air) {
    return air.nodes().stream().map(NodeInfo::nodeId).collect(Collectors.toSet());
  }

  private List<String> persistedRdds() {
    return JavaConverters.mapAsJavaMap(spark.sparkContext().getPersistentRDDs()).values().stream()
        .map(rdd -> rdd.name())
        .collect(Collectors.toList());
  }

  private static Set<String> holders(AirDataset ds) {
    return ds.blocks().stream().map(BlockRef::executor).collect(Collectors.toSet());
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, what + " within " + timeout);
      Thread.sleep(100);
    }
  }

  private static long timedCount(AirDataset ds, String label) {
    long start = System.nanoTime();
    long rows = ds.toDataFrame().count();
    LOG.info("second count(), {}: {} ms", label, (System.nanoTime() - start) / 1_000_000);
    return rows;
  }

  @Test
  void executorsHoldingAnOpenDatasetAreKeptAndReleasedWhenItCloses() throws Exception {
    Air air = start(null);
    AirDataset ds = air.fromDataFrame(spark.range(0, ROWS, 1, 4).toDF());
    List<BlockRef> made = ds.blocks();
    Set<String> holders = holders(ds);
    assertEquals(
        List.of("AirDataset(4 partitions)"),
        persistedRdds(),
        "the Storage tab lists the dataset's pinned partitions under its name");
    assertEquals(ROWS, ds.toDataFrame().count());
    Thread.sleep(25_000);
    assertTrue(
        executors(air).containsAll(holders),
        "executors " + holders + " holding blocks are kept after 25 s idle: " + executors(air));
    assertEquals(ROWS, timedCount(ds, "executors kept"));
    assertEquals(made, ds.blocks(), "nothing was recomputed");
    long closed = System.nanoTime();
    ds.close();
    assertEquals(List.of(), persistedRdds());
    await("executors released after close", Duration.ofSeconds(20), () -> executors(air).isEmpty());
    LOG.info("executors released {} ms after close", (System.nanoTime() - closed) / 1_000_000);
  }

  @Test
  void theCachedExecutorIdleTimeoutReleasesThemAndTheBlocksAreRecomputed() throws Exception {
    Air air = start("5s");
    try (AirDataset ds = air.fromDataFrame(spark.range(0, ROWS, 1, 4).toDF())) {
      List<BlockRef> made = ds.blocks();
      await(
          "executors with blocks released by the 5 s cached idle timeout",
          Duration.ofSeconds(30),
          () -> executors(air).isEmpty());
      assertEquals(ROWS, timedCount(ds, "executors released, blocks recomputed"));
      assertNotEquals(made, ds.blocks(), "the lost blocks were recomputed");
    }
  }

  @Test
  void trainingWithNoExecutorsLeftMakesSparkAddThem(@TempDir Path dir) throws Exception {
    Air air = start(null);
    await("no executors at start", Duration.ofSeconds(20), () -> executors(air).isEmpty());
    try (AirDataset train =
        air.fromDataFrame(
            spark
                .read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(getClass().getResource("/breast_cancer.csv").getPath())
                .coalesce(1))) {
      assertEquals(1, holders(train).size());
      Result result =
          new XGBoostTrainer()
              .setLabelColumn("target")
              .setNumBoostRound(20)
              .setParams(Map.of("objective", "binary:logistic", "eval_metric", "error"))
              .setScalingConfig(ScalingConfig.of(2))
              .setDataset("train", train)
              .setRunConfig(new RunConfig().setName("dynamic").setStoragePath(dir.toString()))
              .fit();
      assertNull(result.error());
      assertTrue((Double) result.metrics().get("train-error") < 0.05, result.metrics().toString());
      assertEquals(2, executors(air).size(), "Spark added an executor for the second worker");
    }
  }
}
