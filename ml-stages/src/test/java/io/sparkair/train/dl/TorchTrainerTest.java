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
package io.sparkair.train.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.checkpoint.TorchCheckpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.PredictOptions;
import io.sparkair.predict.TorchPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.runtime.collective.Collective;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's FarePredictor trained by TorchTrainer on synthetic taxi trips, in local[2]. */
@org.junit.jupiter.api.Timeout(120)
class TorchTrainerTest {
  private static SparkSession spark;
  private static AirDataset trips;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("torch-trainer-test")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    trips = Air.get(spark).fromDataFrame(TaxiTrips.generate(spark, 4101, 11, 4));
  }

  @AfterAll
  static void stop() {
    trips.close();
    spark.stop();
  }

  private static Result train(int workers, Map<String, Object> config, Path dir) {
    return new TorchTrainer(new FareLoop())
        .setTrainLoopConfig(config)
        .setScalingConfig(ScalingConfig.of(workers))
        .setDataset("train", trips)
        .setPreprocessor(new StandardScaler(TaxiTrips.FEATURES))
        .setRunConfig(new RunConfig().setStoragePath(dir.toString()).setVerbose(0))
        .fit();
  }

  private static double loss(Result result, int epoch) {
    return ((Number) result.metricsHistory().get(epoch).get("loss")).doubleValue();
  }

  @Test
  void oneWorkerLearnsTheTips(@TempDir Path dir) {
    Result result = train(1, Map.of("num_epochs", 3, "batch_size", 64, "lr", 1e-2), dir);
    assertNull(result.error());
    assertEquals(3, result.metricsHistory().size());
    assertEquals(
        65, ((Number) result.metrics().get("batches")).intValue(), "4101 rows in batches of 64");
    assertTrue(loss(result, 2) < loss(result, 0), "the loss falls: " + result.metricsHistory());
    assertTrue(loss(result, 2) < 0.09, "half the squared error after 3 epochs: " + loss(result, 2));

    Checkpoint checkpoint = result.checkpoint();
    assertEquals(TorchCheckpoint.FRAMEWORK, checkpoint.getMetadata().framework());
    List<Row> rows;
    try (AirDataset predictions =
        BatchPredictor.fromCheckpoint(checkpoint, TorchPredictor.class)
            .predict(trips, PredictOptions.defaults().keepColumns(TaxiTrips.LABEL))) {
      rows = predictions.toDataFrame().collectAsList();
    }
    assertEquals(4101, rows.size());
    long right = 0;
    long positive = 0;
    for (Row r : rows) {
      double label = r.getDouble(r.fieldIndex(TaxiTrips.LABEL));
      double p = r.getDouble(r.fieldIndex("prediction"));
      assertTrue(p >= 0 && p <= 1, "a probability: " + p);
      right += (p > 0.5) == (label == 1) ? 1 : 0;
      positive += label == 1 ? 1 : 0;
    }
    double majority = Math.max(positive, rows.size() - positive) / (double) rows.size();
    double accuracy = right / (double) rows.size();
    assertTrue(
        accuracy > majority + 0.05,
        "accuracy " + accuracy + " against the majority " + "class's " + majority);

    try (TorchPredictor first = TorchPredictor.fromCheckpoint(checkpoint);
        TorchPredictor second =
            TorchPredictor.fromCheckpoint(Checkpoint.fromDirectory(checkpoint.path().toString()));
        BatchIterator batches = trips.blockSet().iterBatches(256, 0)) {
      VectorSchemaRoot batch = batches.next();
      try (VectorSchemaRoot a = first.predict(batch);
          VectorSchemaRoot b = second.predict(batch)) {
        assertEquals(256, a.getRowCount());
        for (int i = 0; i < 256; i++) {
          assertEquals(
              ((Float8Vector) a.getVector(0)).get(i),
              ((Float8Vector) b.getVector(0)).get(i),
              "row " + i + " after reloading");
        }
      }
    }
  }

  @Test
  void twoWorkersHoldIdenticalParametersAfterEveryStep(@TempDir Path dir) {
    Result result =
        train(
            2, Map.of("num_epochs", 2, "batch_size", 32, "lr", 1e-2, "check_identical", true), dir);
    assertNull(result.error());
    assertEquals(
        65,
        ((Number) result.metrics().get("batches")).intValue(),
        "2050 rows per worker (the smaller shard) in batches of 32");
    assertEquals(130, ((Number) result.metrics().get("checked_steps")).intValue());
    assertTrue(loss(result, 1) < loss(result, 0), "the loss falls: " + result.metricsHistory());
  }

  @Test
  void twoWorkersTakeTheStepsOneWorkerTakesOnTheSameGlobalBatch(@TempDir Path dir) {
    try (AirDataset even = Air.get(spark).fromDataFrame(TaxiTrips.generate(spark, 4000, 3, 4))) {
      Map<String, Object> config = Map.of("steps", 30);
      Result[] runs = new Result[2];
      for (int workers = 1; workers <= 2; workers++) {
        runs[workers - 1] =
            new TorchTrainer(new FullBatchLoop())
                .setTrainLoopConfig(config)
                .setScalingConfig(ScalingConfig.of(workers))
                .setDataset("train", even)
                .setPreprocessor(new StandardScaler(TaxiTrips.FEATURES))
                .setRunConfig(new RunConfig().setStoragePath(dir.toString()).setVerbose(0))
                .fit();
        assertNull(runs[workers - 1].error());
      }
      try (TorchPredictor one = TorchPredictor.fromCheckpoint(runs[0].checkpoint());
          TorchPredictor two = TorchPredictor.fromCheckpoint(runs[1].checkpoint());
          BatchIterator batches = even.blockSet().iterBatches(4000, 0)) {
        VectorSchemaRoot batch = batches.next();
        try (VectorSchemaRoot a = one.predict(batch);
            VectorSchemaRoot b = two.predict(batch)) {
          double largest = 0;
          for (int i = 0; i < a.getRowCount(); i++) {
            largest =
                Math.max(
                    largest,
                    Math.abs(
                        ((Float8Vector) a.getVector(0)).get(i)
                            - ((Float8Vector) b.getVector(0)).get(i)));
          }
          assertTrue(
              largest < 1e-5,
              "after 30 steps the 2-worker model's predictions differ "
                  + "from the 1-worker model's by at most "
                  + largest
                  + " (float sums in another "
                  + "order)");
        }
      }
      double loss1 = ((Number) runs[0].metrics().get("loss")).doubleValue();
      assertTrue(loss1 < 0.12, "the model learned: loss " + loss1);
    }
  }

  @Test
  void aWorkerThatLeavesEarlyFailsTheRunInsteadOfHangingIt(@TempDir Path dir) {
    long start = System.nanoTime();
    io.sparkair.train.TrainingFailedException failure =
        assertThrows(
            io.sparkair.train.TrainingFailedException.class,
            () ->
                new TorchTrainer(new UnevenLoop())
                    .setScalingConfig(ScalingConfig.of(2))
                    .setDataset("train", trips)
                    .setRunConfig(new RunConfig().setStoragePath(dir.toString()).setVerbose(0))
                    .fit());
    assertTrue(failure.getMessage().contains("worker 1 left the group"), failure.getMessage());
    assertTrue(System.nanoTime() - start < 30_000_000_000L, "failed within 30 s");
  }

  /** Rank 1 takes 3 all-reduce steps, rank 0 takes 100. */
  static final class UnevenLoop implements io.sparkair.train.TrainLoop {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(Map<String, Object> config, io.sparkair.train.TrainContext context) {
      Collective collective = TorchTrain.collective();
      int steps = context.worldRank() == 0 ? 100 : 3;
      for (int i = 0; i < steps; i++) {
        collective.allReduce(new float[] {i});
      }
    }
  }

  @Test
  void checkpointsNeedAFactoryAndFeaturesAndPredictorsTheirFramework() {
    try (ai.djl.Model model = ai.djl.Model.newInstance("x")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> TorchCheckpoint.fromModel(model, FarePredictor.class, List.of()));
      assertTrue(e.getMessage().contains("feature columns"), e.getMessage());
    }
    Checkpoint other =
        Checkpoint.builder("xgboost").modelFile("model.json", new byte[] {1}).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TorchPredictor.fromCheckpoint(other));
    assertTrue(e.getMessage().contains("xgboost"), e.getMessage());
  }

  @Test
  void theTrainApiNeedsATorchTrainerLoop() {
    IllegalStateException e = assertThrows(IllegalStateException.class, TorchTrain::collective);
    assertTrue(e.getMessage().contains("train loop"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TorchTrain.iterBatches(
                trips.blockSet(), ai.djl.ndarray.NDManager.newBaseManager(), 8, List.of(), null));
  }
}
