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
package io.sparkair.examples;

import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.data.BlockSet;
import io.sparkair.plugin.ActorGroup;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.cluster.NodeInfo;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.vector.Float8Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The smallest Spark AIR program: start Spark with the plugin, start an actor on each of up to two
 * task slots of the executors, call them, and let each actor stream and sum its own shard of an AIR
 * dataset. The dataset is made before the actors start: while they live they hold every task slot
 * they asked for, so Spark jobs wait for them.
 *
 * <p>Run: {@code mvn -B -pl examples exec:exec} (embedded {@code local[2]} Spark), or pass a master
 * URL as the first argument.
 */
public final class HelloActors {
  private HelloActors() {}

  /** A worker actor: it remembers its rank and counts its calls. */
  public static final class Greeter {
    private final int rank;
    private int calls;

    /** A greeter of the given rank. */
    public Greeter(int rank) {
      this.rank = rank;
    }

    /** Returns a greeting naming this actor's rank, executor, process and call count. */
    public String greet(String who) {
      calls++;
      return String.format(
          "rank %d on executor %s (pid %d, call %d): hello, %s",
          rank, AirRuntime.current().nodeId(), ProcessHandle.current().pid(), calls, who);
    }

    /** Streams a shard as Arrow batches and sums its {@code amount} column. */
    public double sum(BlockSet shard) {
      double total = 0;
      try (BatchIterator batches = shard.iterBatches(4_096, 1)) {
        while (batches.hasNext()) {
          Float8Vector amount = (Float8Vector) batches.next().getVector("amount");
          for (int i = 0; i < amount.getValueCount(); i++) {
            total += amount.get(i);
          }
        }
      }
      return total;
    }
  }

  /**
   * Runs the example with an optional Spark master URL as {@code args[0]} ({@code local[2]} by
   * default).
   */
  public static void main(String[] args) {
    String master = args.length > 0 ? args[0] : "local[2]";
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("spark-air-hello")
            .config("spark.plugins", AirPlugin.class.getName())
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      Air air = Air.get(spark);
      List<NodeInfo> nodes = air.awaitNodes(1, Duration.ofSeconds(60));
      System.out.println("Spark AIR runtimes: " + nodes);
      Dataset<Row> payments =
          spark.range(0, 100_000, 1, 4).withColumn("amount", functions.col("id").multiply(0.01));
      try (AirDataset ds = air.fromDataFrame(payments)) {
        System.out.println(
            "AIR dataset: "
                + ds.count()
                + " rows in "
                + ds.blocks().size()
                + " Arrow blocks, rows per executor "
                + ds.rowsPerExecutor());
        int workers = Math.min(2, air.totalSlots());
        try (ActorGroup<Greeter> group =
            air.spawnGroup(workers, Greeter::new, SpawnOptions.defaults().cpus(1))) {
          for (int round = 0; round < 2; round++) {
            for (int rank = 0; rank < group.size(); rank++) {
              System.out.println(group.get(rank).call(Greeter::greet, "Spark AIR").join());
            }
          }
          List<AirDataset> shards = ds.split(group.size(), group.executors());
          double total = 0;
          for (int rank = 0; rank < group.size(); rank++) {
            BlockSet shard = shards.get(rank).blockSet();
            double part = group.get(rank).call(g -> g.sum(shard)).join();
            System.out.printf("rank %d summed %d rows: %.2f%n", rank, shard.count(), part);
            total += part;
          }
          System.out.printf("total %.2f (expected %.2f)%n", total, 0.01 * 99_999 * 100_000 / 2);
          shards.forEach(AirDataset::close);
        }
      }
      System.out.println(
          "Spark still runs jobs once the actors are gone: "
              + spark.range(1000).count()
              + " rows counted");
    } finally {
      spark.stop();
    }
  }
}
