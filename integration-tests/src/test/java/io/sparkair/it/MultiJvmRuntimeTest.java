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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sparkair.data.AirDataset;
import io.sparkair.data.AllTypes;
import io.sparkair.data.BatchIterator;
import io.sparkair.data.BlockRef;
import io.sparkair.data.BlockSet;
import io.sparkair.plugin.ActorGroup;
import io.sparkair.plugin.Air;
import io.sparkair.runtime.actor.ActorDiedException;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.transport.ByteArrayMarshaller;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** The runtime across two executor JVMs started by Spark, with the plugin configured. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiJvmRuntimeTest {
  private static SparkSession spark;
  private static Air air;
  private static List<NodeInfo> executors;

  @BeforeAll
  static void startCluster() {
    spark = LocalCluster.start(true, LocalCluster.testClasspath());
    air = Air.get(spark);
    executors = air.awaitNodes(2, Duration.ofSeconds(90));
  }

  @AfterAll
  static void stopCluster() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  @Order(1)
  void oneActorOnEachExecutorInItsOwnJvm() {
    assertEquals(
        Set.of("0", "1"), executors.stream().map(NodeInfo::nodeId).collect(Collectors.toSet()));
    assertEquals(2, air.totalSlots());
    try (ActorGroup<BlockWorker> group =
        air.spawnGroup(2, rank -> new BlockWorker(), SpawnOptions.defaults().cpus(1))) {
      assertEquals(Set.of("0", "1"), new HashSet<>(group.executors()));
      List<Long> pids =
          group.callAll(BlockWorker::pid).stream()
              .map(CompletableFuture::join)
              .collect(Collectors.toList());
      assertNotEquals(pids.get(0), pids.get(1), "each executor is its own JVM");
      assertTrue(pids.stream().noneMatch(p -> p == ProcessHandle.current().pid()));
      assertEquals(
          group.executors(),
          group.callAll(BlockWorker::node).stream()
              .map(CompletableFuture::join)
              .collect(Collectors.toList()));
      IllegalArgumentException tooMany =
          assertThrows(
              IllegalArgumentException.class,
              () -> air.spawnGroup(3, rank -> new BlockWorker(), SpawnOptions.defaults().cpus(1)));
      assertTrue(
          tooMany.getMessage().contains("3") && tooMany.getMessage().contains("2"),
          tooMany.getMessage());
    }
  }

  @Test
  @Order(2)
  void blockPutOnOneExecutorIsReadOnTheOtherThroughFlight() {
    ActorRef<BlockWorker> writer = air.spawn(BlockWorker::new, SpawnOptions.defaults().onNode("0"));
    ActorRef<BlockWorker> reader = air.spawn(BlockWorker::new, SpawnOptions.defaults().onNode("1"));
    long rows = 1_000_000;
    BlockId id = writer.call(BlockWorker::write, rows).join();
    assertEquals("0", id.node());
    String address =
        executors.stream().filter(n -> n.nodeId().equals("0")).findFirst().orElseThrow().address();
    long sum = reader.call(w -> w.sumRemote(address, id)).join();
    assertEquals(rows * (rows - 1) / 2, sum);
    writer.kill();
    reader.kill();
  }

  @Test
  @Order(3)
  void callWithoutTheSecretIsRefusedByAnExecutor() {
    String[] hostPort = executors.get(0).address().split(":");
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress(hostPort[0], Integer.parseInt(hostPort[1]))
            .usePlaintext()
            .build();
    try {
      StatusRuntimeException e =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  io.grpc.stub.ClientCalls.blockingUnaryCall(
                      channel,
                      io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder()
                          .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
                          .setFullMethodName("arrow.flight.protocol.FlightService/DoGet")
                          .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
                          .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
                          .build(),
                      io.grpc.CallOptions.DEFAULT,
                      new byte[0]));
      assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  @Order(4)
  void datasetBlocksLiveInBothExecutorsAndAreReadWhereTheyLive() {
    Dataset<Row> df =
        spark
            .range(0, 200_000, 1, 4)
            .toDF()
            .withColumn("half", functions.col("id").divide(2))
            .withColumn("name", functions.concat(functions.lit("n"), functions.col("id")));
    try (AirDataset ds = air.fromDataFrame(df)) {
      assertEquals(200_000, ds.count());
      assertEquals(
          Set.of("0", "1"),
          ds.rowsPerExecutor().keySet(),
          "the conversion ran in both executor JVMs");
      Dataset<Row> back = ds.toDataFrame();
      String scheduled =
          spark
              .sparkContext()
              .dagScheduler()
              .getPreferredLocs(back.queryExecution().toRdd(), 0)
              .head()
              .toString();
      BlockRef first = ds.blocks().get(0);
      assertEquals(
          "executor_" + first.host() + "_" + first.executor(),
          scheduled,
          "Spark schedules each block's task on the executor holding it");
      Row totals =
          back.agg(functions.sum("id"), functions.sum("half"), functions.countDistinct("name"))
              .first();
      assertEquals(199_999L * 200_000 / 2, totals.getLong(0));
      assertEquals(199_999.0 * 200_000 / 4, totals.getDouble(1));
      assertEquals(200_000L, totals.getLong(2));

      long streamed = 0;
      try (BatchIterator it = ds.iterBatches(8_192, 2)) {
        while (it.hasNext()) {
          VectorSchemaRoot batch = it.next();
          BigIntVector id = (BigIntVector) batch.getVector("id");
          for (int i = 0; i < batch.getRowCount(); i++) {
            streamed += id.get(i);
          }
        }
      }
      assertEquals(199_999L * 200_000 / 2, streamed, "the driver streamed every remote block");

      List<String> hints = List.of("0", "1");
      List<AirDataset> shards = ds.split(2, hints);
      ActorRef<BlockWorker> reader =
          air.spawn(BlockWorker::new, SpawnOptions.defaults().onNode("1"));
      BlockSet shard0 = shards.get(0).blockSet();
      long expected = shards.get(0).toDataFrame().agg(functions.sum("id")).first().getLong(0);
      assertEquals(
          expected,
          (long) reader.call(w -> w.sumIds(shard0)).join(),
          "a worker on executor 1 streamed the shard of executor 0");
      reader.kill();
      for (int i = 0; i < 2; i++) {
        AirDataset shard = shards.get(i);
        String hint = hints.get(i);
        assertEquals(100_000, shard.count(), "balanced by rows");
        long local =
            shard.blocks().stream()
                .filter(b -> b.executor().equals(hint))
                .mapToLong(BlockRef::rows)
                .sum();
        assertEquals(
            Math.min(100_000, ds.rowsPerExecutor().get(hint)),
            local,
            "shard " + i + " takes every row its executor holds before any remote row");
        assertEquals(
            100_000,
            shard.toDataFrame().count(),
            "the shard reads back whole, local and remote parts alike");
        shard.close();
      }
    }
  }

  @Test
  @Order(4)
  void everyTypeRoundTripsAcrossTwoExecutorJvms() {
    Dataset<Row> df = spark.createDataFrame(AllTypes.rows(2_000), AllTypes.SCHEMA).repartition(4);
    try (AirDataset ds = air.fromDataFrame(df)) {
      assertEquals(Set.of("0", "1"), ds.rowsPerExecutor().keySet());
      assertEquals(AllTypes.sorted(df), AllTypes.sorted(ds.toDataFrame()));
    }
  }

  /** Runs after the executor kill below: Spark has relaunched a second executor by then. */
  @Test
  @Order(6)
  void datasetReadsTheSameRowsAfterAnExecutorHoldingItsBlocksDies() throws Exception {
    List<NodeInfo> live = air.awaitNodes(2, Duration.ofSeconds(90));
    Dataset<Row> df =
        spark.range(0, 100_000, 1, 4).toDF().withColumn("x", functions.col("id").multiply(3));
    try (AirDataset ds = air.fromDataFrame(df);
        AirDataset first = ds.limit(60_000)) {
      String victim =
          ds.rowsPerExecutor().entrySet().stream()
              .max(java.util.Map.Entry.comparingByValue())
              .orElseThrow()
              .getKey();
      long pid =
          live.stream().filter(n -> n.nodeId().equals(victim)).findFirst().orElseThrow().pid();
      assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (air.nodes().stream().anyMatch(n -> n.nodeId().equals(victim))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Row sums =
          ds.toDataFrame()
              .agg(functions.sum("id"), functions.sum("x"), functions.count("id"))
              .first();
      assertEquals(99_999L * 100_000 / 2, sums.getLong(0));
      assertEquals(3 * 99_999L * 100_000 / 2, sums.getLong(1));
      assertEquals(100_000L, sums.getLong(2));
      assertTrue(
          ds.blocks().stream().noneMatch(b -> b.executor().equals(victim)),
          "the lost blocks were made again elsewhere");
      assertEquals(
          59_999L * 60_000 / 2,
          first.toDataFrame().agg(functions.sum("id")).first().getLong(0),
          "a slice taken before the loss reads the same rows");
      long streamed = 0;
      try (BatchIterator it = ds.iterBatches(10_000, 1)) {
        while (it.hasNext()) {
          BigIntVector id = (BigIntVector) it.next().getVector("id");
          for (int i = 0; i < id.getValueCount(); i++) {
            streamed += id.get(i);
          }
        }
      }
      assertEquals(99_999L * 100_000 / 2, streamed);
    }
  }

  @Test
  @Order(5)
  void killedExecutorFailsPendingCallsAndTheActorRestartsOnTheSurvivor() throws Exception {
    ActorRef<BlockWorker> victim =
        air.spawn(
            BlockWorker::new, SpawnOptions.defaults().name("phoenix").onNode("0").maxRestarts(1));
    long pid = victim.call(BlockWorker::pid).join();
    CompletableFuture<Long> pending = victim.call(BlockWorker::sleep, 60_000L);
    Thread.sleep(300);
    assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> pending.get(30, TimeUnit.SECONDS));
    ActorDiedException died = assertInstanceOf(ActorDiedException.class, e.getCause());
    assertTrue(
        died.getMessage().contains("phoenix") && died.getMessage().contains("0"),
        died.getMessage());

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Long newPid = null;
    while (newPid == null && System.nanoTime() < deadline) {
      try {
        newPid = victim.call(BlockWorker::pid).get(5, TimeUnit.SECONDS);
      } catch (Exception retry) {
        Thread.sleep(200);
      }
    }
    assertTrue(newPid != null, "the actor came back");
    assertNotEquals(pid, newPid);
    assertEquals("1", victim.node(), "restarted on the surviving executor");
    assertEquals("1", air.runtime().actor("phoenix").node());
  }
}
