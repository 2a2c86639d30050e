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
package io.sparkair.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.spark.AirSettings;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalModeTest {
  private static SparkSession session(boolean plugin) {
    SparkSession.Builder b =
        SparkSession.builder()
            .master("local[2]")
            .appName("air-local-test")
            .config("spark.ui.enabled", "false")
            .config(AirSettings.SLOT_TIMEOUT, "3")
            .config("spark.sql.shuffle.partitions", "2");
    if (plugin) {
      b.config("spark.plugins", AirPlugin.class.getName());
    }
    return b.getOrCreate();
  }

  /** Reads one of the plugin's gauges through Spark's metrics system. */
  private static int gauge(SparkSession spark, String name) {
    scala.collection.Seq<org.apache.spark.metrics.source.Source> sources =
        spark
            .sparkContext()
            .env()
            .metricsSystem()
            .getSourcesByName("plugin." + AirPlugin.class.getName());
    assertEquals(1, sources.size(), "the plugin registered one metrics source");
    return ((Number) sources.head().metricRegistry().getGauges().get(name).getValue()).intValue();
  }

  private static long airThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("air-"))
        .count();
  }

  private static boolean listening(String address) {
    String[] hostPort = address.split(":");
    try (Socket s = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void pluginStartsRuntimeAndActorsHoldSparkSlots() throws Exception {
    SparkSession spark = session(true);
    String address;
    try {
      Air air = Air.get(spark);
      assertSame(air, Air.get(spark), "one handle per application");
      address = air.runtime().address();
      assertEquals(List.of("driver"), air.nodes().stream().map(n -> n.nodeId()).toList());
      assertEquals(2, air.totalSlots());

      int actorsBefore = gauge(spark, "actors");
      ActorRef<Echo> echo = air.spawn(() -> new Echo(7), SpawnOptions.defaults().name("echo"));
      assertEquals("hello spark from rank 7 (call 1)", echo.call(Echo::hello, "spark").join());
      assertEquals(
          actorsBefore + 1, gauge(spark, "actors"), "Spark's metrics system sees the new actor");
      assertEquals(air.runtime().stats().store().blocks(), gauge(spark, "blocks"));

      try (ActorGroup<Echo> group = air.spawnGroup(2, Echo::new, SpawnOptions.defaults().cpus(1))) {
        assertEquals(2, group.size());
        assertEquals("hello x from rank 1 (call 1)", group.get(1).call(Echo::hello, "x").join());
        int[] active = spark.sparkContext().statusTracker().getActiveJobIds();
        assertEquals(1, active.length, "one background job holds the group's slots");
        assertEquals(2, air.heldSlots());
        IllegalStateException wouldWait =
            assertThrows(
                IllegalStateException.class, () -> air.fromDataFrame(spark.range(10).toDF()));
        assertTrue(wouldWait.getMessage().contains("all 2"), wouldWait.getMessage());
        IllegalArgumentException tooMany =
            assertThrows(
                IllegalArgumentException.class,
                () -> air.spawnGroup(3, Echo::new, SpawnOptions.defaults().cpus(1)));
        assertTrue(
            tooMany.getMessage().contains("3") && tooMany.getMessage().contains("2"),
            tooMany.getMessage());
        long start = System.nanoTime();
        IllegalStateException busy =
            assertThrows(
                IllegalStateException.class,
                () -> air.spawnGroup(1, Echo::new, SpawnOptions.defaults().cpus(1)));
        assertTrue(
            busy.getMessage().contains("got 0 of 1") && busy.getMessage().contains("has 2"),
            busy.getMessage());
        assertTrue(
            System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10),
            "gave up after spark.air.slots.timeoutSeconds instead of waiting");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (spark.sparkContext().statusTracker().getActiveJobIds().length > 0
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(
          0,
          spark.sparkContext().statusTracker().getActiveJobIds().length,
          "closing the group gave the slots back");
      assertEquals(10, spark.range(10).count(), "Spark runs jobs on the freed slots");

      ActorRef<Echo> holder = air.spawn(() -> new Echo(1), SpawnOptions.defaults().cpus(1));
      assertEquals(1, spark.sparkContext().statusTracker().getActiveJobIds().length);
      holder.kill();
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (spark.sparkContext().statusTracker().getActiveJobIds().length > 0
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(
          0,
          spark.sparkContext().statusTracker().getActiveJobIds().length,
          "killing a CPU actor gives its slot back");
    } finally {
      spark.stop();
    }
    assertFalse(listening(address), "the runtime's port is closed after spark.stop()");
    assertTrue(AirRuntime.running().isEmpty());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (airThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, airThreads(), "no runtime thread survives spark.stop()");
  }

  @Test
  void attachesLazilyWithoutThePlugin() throws Exception {
    SparkSession spark = session(false);
    try {
      assertTrue(AirRuntime.running().isEmpty());
      Air air = Air.get(spark);
      assertSame(air, Air.get(spark));
      air.awaitNodes(1, Duration.ofSeconds(10));
      ActorRef<Echo> echo = air.spawn(() -> new Echo(0), SpawnOptions.defaults());
      assertEquals(
          "hello notebook from rank 0 (call 1)", echo.call(Echo::hello, "notebook").join());
    } finally {
      spark.stop();
    }
    assertTrue(AirRuntime.running().isEmpty(), "the lazily attached runtime stops with Spark");
  }
}
