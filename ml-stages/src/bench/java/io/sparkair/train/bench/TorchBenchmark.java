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
package io.sparkair.train.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sparkair.bench.Runs;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.runtime.collective.Collective;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.TrainContext;
import io.sparkair.train.TrainLoop;
import io.sparkair.train.dl.FarePredictor;
import io.sparkair.train.dl.TorchBatches;
import io.sparkair.train.dl.TorchTrain;
import io.sparkair.train.dl.TorchTrainer;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The seed's FarePredictor (6→256→16→1 with batch norm, Adam, batch 256) trained three ways in one
 * run: plain DJL in this JVM on in-memory arrays (1 PyTorch thread), {@code TorchTrainer} with 1
 * worker, and with 2 workers, on a {@code local-cluster} of two 1-core executor JVMs. Each worker
 * times its last of {@value #EPOCHS} epochs (the others warm up the JIT of fresh executor JVMs),
 * batches read from Arrow included, then times the all-reduce alone on an array of the model's size
 * and on 16 floats. Plain DJL reports the median of its epochs after the first.
 *
 * <p>Run: {@code mvn -B -DskipTests install && mvn -B -pl ml-stages -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.train.bench.TorchBenchmark}; options for the executor JVMs (a profiler)
 * with {@code -Dbench.args=-Dbench.executorJvm=...}.
 */
public final class TorchBenchmark {
  private static final int BATCH = 256;
  private static final int FEATURES = 6;
  private static final List<String> COLUMNS = List.of("f0", "f1", "f2", "f3", "f4", "f5");
  private static final int STEPS_PER_WORKER = 150;

  /** Epochs per worker; the last is timed (fresh executor JVMs need a few to warm up). */
  private static final int EPOCHS = 6;

  private TorchBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", "1");
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    double plain = plainDjl();

    String opens =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(
                    a ->
                        a.startsWith("--add-opens")
                            || a.startsWith("-XX:+Ignore")
                            || a.startsWith("-Djdk.reflect"))
                .collect(Collectors.joining(" "))
            + " "
            + System.getProperty("bench.executorJvm", "");
    SparkSession spark =
        SparkSession.builder()
            .master("local-cluster[2,1,2048]")
            .appName("torch-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
            .config("spark.executor.extraJavaOptions", opens)
            .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.12")
            .config("spark.executorEnv.SPARK_TESTING", "1")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try {
      Air air = Air.get(spark);
      air.awaitNodes(2, Duration.ofSeconds(60));
      Column[] columns = new Column[FEATURES + 1];
      for (int c = 0; c < FEATURES; c++) {
        columns[c] = functions.randn(c).alias(COLUMNS.get(c));
      }
      columns[FEATURES] =
          functions
              .when(functions.col("f0").plus(functions.col("f1")).gt(0), 1.0)
              .otherwise(0.0)
              .alias("label");
      String storage = Files.createTempDirectory("torch-bench").toString();
      Map<String, Object> one;
      Map<String, Object> two;
      try (AirDataset single =
              air.fromDataFrame(
                  spark.range(0, (long) BATCH * STEPS_PER_WORKER, 1, 2).select(columns));
          AirDataset pair =
              air.fromDataFrame(
                  spark.range(0, 2L * BATCH * STEPS_PER_WORKER, 1, 4).select(columns))) {
        one = fit(single, 1, storage);
        two = fit(pair, 2, storage);
      }
      double step1 = (Double) one.get("step_ms");
      double step2 = (Double) two.get("step_ms");
      System.out.printf(
          Locale.ROOT,
          "machine: %d cores; FarePredictor, batch %d per worker, " + "%d timed steps per worker%n",
          Runtime.getRuntime().availableProcessors(),
          BATCH,
          STEPS_PER_WORKER);
      System.out.printf(
          Locale.ROOT,
          "plain DJL, one JVM, 1 PyTorch thread: %.3f ms/step (median of epochs 2-%d)%n",
          plain,
          EPOCHS);
      System.out.printf(
          Locale.ROOT,
          "TorchTrainer, 1 worker (1-core executor): %.3f ms/step = "
              + "%.2fx plain DJL (target <= 1.2x)%n",
          step1,
          step1 / plain);
      System.out.printf(
          Locale.ROOT,
          "TorchTrainer, 2 workers (two 1-core executor JVMs): "
              + "%.3f ms/step; all-reduce share of the step (2 workers - 1 worker) / 2 workers: "
              + "%.1f%% (target <= 20%%)%n",
          step2,
          100 * (step2 - step1) / step2);
      System.out.printf(
          Locale.ROOT,
          "all-reduce alone, %d floats, worker to worker: "
              + "%.3f ms per call (%.1f%% of a 2-worker step)%n",
          ((Number) two.get("parameters")).intValue(),
          (Double) two.get("allreduce_ms"),
          100 * (Double) two.get("allreduce_ms") / step2);
      System.out.printf(
          Locale.ROOT,
          "all-reduce alone, 16 floats: %.3f ms per call%n",
          (Double) two.get("allreduce_16_ms"));
    } finally {
      spark.stop();
    }
  }

  private static Map<String, Object> fit(AirDataset data, int workers, String storage) {
    Result result =
        new TorchTrainer(new StepLoop())
            .setScalingConfig(ScalingConfig.of(workers))
            .setDataset("train", data)
            .setRunConfig(new RunConfig().setStoragePath(storage).setVerbose(0))
            .fit();
    if (result.error() != null) {
      throw new IllegalStateException(result.error());
    }
    return result.metrics();
  }

  private static DefaultTrainingConfig training() {
    return new DefaultTrainingConfig(Loss.l2Loss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
  }

  /** Plain DJL: the same model, batches made from float arrays in this JVM. */
  private static double plainDjl() {
    Engine.getEngine("PyTorch");
    Random random = new Random(1);
    float[] x = new float[BATCH * STEPS_PER_WORKER * FEATURES];
    float[] y = new float[BATCH * STEPS_PER_WORKER];
    for (int i = 0; i < y.length; i++) {
      for (int c = 0; c < FEATURES; c++) {
        x[i * FEATURES + c] = (float) random.nextGaussian();
      }
      y[i] = x[i * FEATURES] + x[i * FEATURES + 1] > 0 ? 1 : 0;
    }
    double[] epochs = new double[EPOCHS];
    try (Model model = Model.newInstance("plain")) {
      model.setBlock(new FarePredictor().newBlock());
      try (Trainer trainer = model.newTrainer(training())) {
        trainer.initialize(new Shape(BATCH, FEATURES));
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
          long t = System.nanoTime();
          for (int s = 0; s < STEPS_PER_WORKER; s++) {
            try (NDManager batch = model.getNDManager().newSubManager()) {
              NDArray features =
                  batch.create(
                      FloatBuffer.wrap(x, s * BATCH * FEATURES, BATCH * FEATURES),
                      new Shape(BATCH, FEATURES));
              NDArray labels =
                  batch.create(FloatBuffer.wrap(y, s * BATCH, BATCH), new Shape(BATCH, 1));
              step(trainer, features, labels);
            }
          }
          epochs[epoch] = (System.nanoTime() - t) / 1e6 / STEPS_PER_WORKER;
        }
      }
    }
    return Runs.of(Arrays.copyOfRange(epochs, 1, EPOCHS)).median();
  }

  private static void step(Trainer trainer, NDArray features, NDArray labels) {
    try (GradientCollector collector = trainer.newGradientCollector()) {
      NDArray loss =
          trainer.getLoss().evaluate(new NDList(labels), trainer.forward(new NDList(features)));
      collector.backward(loss);
    }
    trainer.step();
  }

  /**
   * {@value #EPOCHS} epochs over the shard; the last is timed. Then the all-reduce alone, 2000
   * calls on an array of the model's parameter count and on 16 floats.
   */
  static final class StepLoop implements TrainLoop {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(Map<String, Object> config, TrainContext context) throws Exception {
      try (Model model = TorchTrain.prepareModel(Model.newInstance("bench"))) {
        model.setBlock(new FarePredictor().newBlock());
        try (Trainer trainer = model.newTrainer(training())) {
          trainer.initialize(new Shape(BATCH, FEATURES));
          double stepMs = 0;
          for (int epoch = 0; epoch < EPOCHS; epoch++) {
            long t = System.nanoTime();
            int steps = 0;
            try (TorchBatches batches =
                TorchTrain.iterBatches(
                    context.getDatasetShard("train"),
                    model.getNDManager(),
                    BATCH,
                    COLUMNS,
                    "label")) {
              while (batches.hasNext()) {
                NDList batch = batches.next();
                step(trainer, batch.get(0), batch.get(1));
                batch.close();
                steps++;
              }
            }
            stepMs = (System.nanoTime() - t) / 1e6 / steps;
          }
          int parameters =
              model.getBlock().getParameters().stream()
                  .mapToInt(p -> (int) p.getValue().getArray().size())
                  .sum();
          Collective collective = TorchTrain.collective();
          float[] values = new float[parameters];
          int calls = 2000;
          long t = System.nanoTime();
          for (int i = 0; i < calls; i++) {
            collective.allReduce(values);
          }
          double allReduceMs = (System.nanoTime() - t) / 1e6 / calls;
          float[] tiny = new float[16];
          long t2 = System.nanoTime();
          for (int i = 0; i < calls; i++) {
            collective.allReduce(tiny);
          }
          double tinyMs = (System.nanoTime() - t2) / 1e6 / calls;
          context.report(
              Map.of(
                  "step_ms",
                  stepMs,
                  "allreduce_ms",
                  allReduceMs,
                  "allreduce_16_ms",
                  tinyMs,
                  "parameters",
                  parameters));
        }
      }
    }
  }
}
