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

import io.sparkair.plugin.Air;
import io.sparkair.runtime.cluster.NodeInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An executor started without {@code spark.executor.cores} learns its cores from the arguments
 * Spark's standalone worker gives it (the only source Spark leaves a plugin): a Spark release that
 * stops passing {@code --cores} fails here, not in a trainer's slot count.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExecutorCoresClusterTest {
  @Test
  void aTwoCoreExecutorOffersTwoSlots() {
    SparkSession spark =
        LocalCluster.builder(true, LocalCluster.testClasspath())
            .master("local-cluster[1,2,1024]")
            .getOrCreate();
    try {
      List<NodeInfo> nodes = Air.get(spark).awaitNodes(1, Duration.ofSeconds(60));
      assertEquals(1, nodes.size());
      assertEquals(2, nodes.get(0).cpus(), "the executor's --cores argument");
      assertEquals(2, Air.get(spark).totalSlots());
    } finally {
      spark.stop();
    }
  }
}
