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

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.PredictOptions;
import io.sparkair.predict.PredictorCache;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Batch prediction over blocks in two executor JVMs, each loading the model once. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BatchPredictorClusterTest {
  private static SparkSession spark;
  private static Air air;

  @BeforeAll
  static void startCluster() {
    spark = LocalCluster.start(true, LocalCluster.testClasspath());
    air = Air.get(spark);
    air.awaitNodes(2, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopCluster() {
    spark.stop();
  }

  /** Reads this executor's count of loaded models. */
  static final class LoadProbe {
    long loads() {
      return PredictorCache.loads();
    }
  }

  @Test
  void eachExecutorLoadsTheModelOnceAndPredictsItsOwnBlocks(@TempDir Path dir) {
    Column[] columns = new Column[5];
    for (int c = 0; c < 4; c++) {
      columns[c] = functions.rand(c).alias("f" + c);
    }
    columns[4] = functions.col("id");
    try (AirDataset data =
        air.fromDataFrame(
            spark
                .range(0, 40_000, 1, 4)
                .select(columns)
                .withColumn(
                    "label", functions.when(functions.col("f0").gt(0.5), 1.0).otherwise(0.0)))) {
      assertEquals(2, data.rowsPerExecutor().size(), "blocks in both executors");
      Result result =
          new XGBoostTrainer()
              .setLabelColumn("label")
              .setFeatureColumns("f0", "f1", "f2", "f3")
              .setNumBoostRound(5)
              .setParams(Map.of("objective", "binary:logistic", "max_depth", 3))
              .setScalingConfig(ScalingConfig.of(2))
              .setDataset("train", data)
              .setRunConfig(new RunConfig().setStoragePath(dir.toString()).setVerbose(0))
              .fit();

      PredictOptions keepIds = PredictOptions.defaults().keepColumns("id");
      BatchPredictor first =
          BatchPredictor.fromCheckpoint(result.checkpoint(), XGBoostPredictor.class);
      BatchPredictor second =
          BatchPredictor.fromCheckpoint(result.checkpoint(), XGBoostPredictor.class);
      try (AirDataset one = first.predict(data, keepIds);
          AirDataset two = second.predict(data, keepIds)) {
        assertEquals(data.count(), one.count());
        assertEquals(2, one.rowsPerExecutor().size(), "predicted where the blocks live");
        List<Row> a = one.toDataFrame().orderBy("id").limit(200).collectAsList();
        List<Row> b = two.toDataFrame().orderBy("id").limit(200).collectAsList();
        assertEquals(a, b);
        Map<Long, Double> expected = new HashMap<>();
        try (XGBoostPredictor local = XGBoostPredictor.fromCheckpoint(result.checkpoint());
            AirDataset sample = air.fromDataFrame(data.toDataFrame().orderBy("id").limit(200));
            io.sparkair.data.BatchIterator batches = sample.iterBatches(1000, 0)) {
          while (batches.hasNext()) {
            org.apache.arrow.vector.VectorSchemaRoot batch = batches.next();
            try (org.apache.arrow.vector.VectorSchemaRoot out = local.predict(batch)) {
              for (int i = 0; i < batch.getRowCount(); i++) {
                expected.put(
                    (Long) batch.getVector("id").getObject(i),
                    (Double) ((List<?>) out.getVector("probability").getObject(i)).get(1));
              }
            }
          }
        }
        for (Row row : a) {
          assertEquals(expected.get(row.getLong(0)), (Double) row.getList(2).get(1), 1e-6);
        }
      }
      for (NodeInfo node : air.nodes()) {
        ActorRef<LoadProbe> probe =
            air.spawn(LoadProbe::new, SpawnOptions.defaults().onNode(node.nodeId()));
        long loads = probe.call(LoadProbe::loads).join();
        probe.kill();
        assertEquals(
            1,
            loads,
            "executor "
                + node.nodeId()
                + " loaded the model once for two "
                + "predictors and two predictions");
      }
    }
  }
}
