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
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sparkair.plugin.Air;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.cluster.NodeInfo;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A notebook-style session: the plugin is not configured, Air.get attaches the runtime. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LazyAttachClusterTest {
  @Test
  void getStartsRuntimesInRunningExecutorsOnce() {
    SparkSession spark = LocalCluster.start(false, LocalCluster.testClasspath());
    try {
      assertEquals(100, spark.range(100).count(), "executors are up before attaching");
      Air air = Air.get(spark);
      assertSame(air, Air.get(spark), "a second call returns the same handle");
      Set<String> nodes =
          air.awaitNodes(2, Duration.ofSeconds(60)).stream()
              .map(NodeInfo::nodeId)
              .collect(Collectors.toSet());
      assertEquals(Set.of("0", "1"), nodes);
      for (String node : nodes) {
        ActorRef<BlockWorker> w = air.spawn(BlockWorker::new, SpawnOptions.defaults().onNode(node));
        assertEquals(node, w.call(BlockWorker::node).join());
      }
      assertEquals(2, Air.get(spark).nodes().size(), "re-running the cell adds no runtime");
    } finally {
      spark.stop();
    }
  }
}
