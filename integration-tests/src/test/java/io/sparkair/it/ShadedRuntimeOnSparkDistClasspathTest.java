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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sparkair.plugin.Air;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.runtime.store.BlockId;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Spark distribution puts its own guava first on the executors' classpath: guava 14 on Spark
 * 3.5, guava 33 on Spark 4. The shaded runtime jar must start and serve there; on 3.5 the unshaded
 * classes must not (the control).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ShadedRuntimeOnSparkDistClasspathTest {
  private static String classpath(String... first) {
    return String.join(File.pathSeparator, first)
        + File.pathSeparator
        + LocalCluster.testClasspath();
  }

  @Test
  void shadedRuntimeStartsAndServesWithTheDistributionsGuavaFirst() {
    SparkSession spark =
        LocalCluster.start(true, classpath(LocalCluster.distGuavaJar(), LocalCluster.runtimeJar()));
    try {
      Air air = Air.get(spark);
      List<NodeInfo> nodes = air.awaitNodes(2, Duration.ofSeconds(90));
      ActorRef<BlockWorker> writer =
          air.spawn(BlockWorker::new, SpawnOptions.defaults().onNode("0"));
      ActorRef<BlockWorker> reader =
          air.spawn(BlockWorker::new, SpawnOptions.defaults().onNode("1"));
      BlockId id = writer.call(BlockWorker::write, 100_000L).join();
      String address =
          nodes.stream().filter(n -> n.nodeId().equals("0")).findFirst().orElseThrow().address();
      assertEquals(100_000L * 99_999 / 2, (long) reader.call(w -> w.sumRemote(address, id)).join());
      String grpcSource =
          writer
              .call(
                  w ->
                      io.sparkair.runtime.transport.Transport.class
                          .getProtectionDomain()
                          .getCodeSource()
                          .getLocation()
                          .toString())
              .join();
      assertTrue(
          grpcSource.contains("spark-air-runtime"),
          "executors loaded the runtime from the shaded jar: " + grpcSource);
    } finally {
      spark.stop();
    }
  }

  @Test
  void unshadedRuntimeDoesNotStartWithGuava14First() {
    assumeTrue(
        LocalCluster.distGuavaJar().contains("guava-14."),
        "only Spark 3.5's "
            + "distribution puts a guava first that the unshaded gRPC cannot run with (guava 14); "
            + "Spark 4's guava 33 runs it, so there is no failure to control for on this line");
    SparkSession spark = LocalCluster.start(true, classpath(LocalCluster.distGuavaJar()));
    try {
      assertEquals(10, spark.range(10).count(), "the executors themselves run");
      Air air = Air.get(spark);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> air.awaitNodes(1, Duration.ofSeconds(15)));
      assertTrue(e.getMessage().contains("only 0 of 1"), e.getMessage());
    } finally {
      spark.stop();
    }
  }
}
