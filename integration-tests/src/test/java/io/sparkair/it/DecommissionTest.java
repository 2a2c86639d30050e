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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.runtime.cluster.NodeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Decommissioning on a {@code local-cluster} of two executor JVMs: an executor sent SIGPWR, as
 * Kubernetes' pod deletion does, hands its blocks to the other executor before it exits, and the
 * dataset answers from the copies without recomputing anything.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DecommissionTest {
  private static final long ROWS = 1_000_000;

  @Test
  void aDecommissionedExecutorsBlocksMoveAndNothingIsRecomputed() throws Exception {
    SparkSession spark =
        LocalCluster.builder(true, LocalCluster.testClasspath())
            .config("spark.decommission.enabled", "true")
            .getOrCreate();
    List<String> jobs = Collections.synchronizedList(new ArrayList<>());
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart start) {
                jobs.add(String.valueOf(start.properties().getProperty("spark.job.description")));
              }
            });
    try {
      Air air = Air.get(spark);
      air.awaitNodes(2, Duration.ofSeconds(60));
      try (AirDataset ds = air.fromDataFrame(spark.range(0, ROWS, 1, 4).toDF())) {
        String leaving =
            ds.rowsPerExecutor().entrySet().stream()
                .max(Comparator.comparingLong(Map.Entry::getValue))
                .orElseThrow()
                .getKey();
        long pid =
            air.nodes().stream()
                .filter(n -> n.nodeId().equals(leaving))
                .findFirst()
                .orElseThrow()
                .pid();
        Process kill = new ProcessBuilder("kill", "-PWR", Long.toString(pid)).start();
        assertEquals(0, kill.waitFor());
        assertTrue(
            ProcessHandle.of(pid).map(p -> p.onExit()).orElseThrow().get(60, TimeUnit.SECONDS)
                != null,
            "the executor exited after decommissioning");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (air.nodes().stream().map(NodeInfo::nodeId).anyMatch(leaving::equals)) {
          assertTrue(System.nanoTime() < deadline, "Spark removed executor " + leaving);
          Thread.sleep(100);
        }
        assertFalse(ds.rowsPerExecutor().containsKey(leaving), ds.rowsPerExecutor().toString());
        assertEquals(ROWS, ds.toDataFrame().count());
        assertEquals(
            ROWS * (ROWS - 1) / 2, ds.toDataFrame().agg(functions.sum("id")).first().getLong(0));
        assertTrue(
            jobs.stream().noneMatch(j -> j.startsWith("AIR recompute")),
            "no block was recomputed: " + jobs);
      }
    } finally {
      spark.stop();
    }
  }
}
