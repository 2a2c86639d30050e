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
 * Spark's standalone worker gives it (the only source Spark leaves a plugin): a Spark release
 * that stops passing {@code --cores} fails here, not in a trainer's slot count.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExecutorCoresClusterTest {
  @Test
  void aTwoCoreExecutorOffersTwoSlots() {
    SparkSession spark = LocalCluster.builder(true, LocalCluster.testClasspath())
        .master("local-cluster[1,2,1024]").getOrCreate();
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
