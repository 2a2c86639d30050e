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

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sparkair.checkpoint.BlockFactory;
import io.sparkair.checkpoint.TorchCheckpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.TorchPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.TrainContext;
import io.sparkair.train.TrainLoop;
import io.sparkair.train.dl.TorchBatches;
import io.sparkair.train.dl.TorchTrain;
import io.sparkair.train.dl.TorchTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The seed's deep-learning walkthrough (seed 004): the taxi {@code FarePredictor} network trained
 * with {@code TorchTrainer} on generated 2021 trips ({@link TaxiTrips}), 3 epochs at learning rate
 * 1e-2 in batches of 64, checkpointed every epoch, then used to score the 2022 trips in batch.
 *
 * <p>Run: {@code mvn -B -pl examples exec:exec -Dexample=io.sparkair.examples.TaxiFare
 * [-Dexample.args="local[2] 50000"]}: a master URL and the number of trips per year (20,000 by
 * default).
 */
public final class TaxiFare {
  private TaxiFare() {}

  /**
   * The seed's FarePredictor: Linear(6, 256), ReLU, BatchNorm, Linear(256, 16), ReLU, BatchNorm,
   * Linear(16, 1), sigmoid.
   */
  public static final class FarePredictor implements BlockFactory {
    @Override
    public Block newBlock() {
      return new SequentialBlock()
          .add(Linear.builder().setUnits(256).build())
          .add(Activation::relu)
          .add(BatchNorm.builder().build())
          .add(Linear.builder().setUnits(16).build())
          .add(Activation::relu)
          .add(BatchNorm.builder().build())
          .add(Linear.builder().setUnits(1).build())
          .add(Activation::sigmoid);
    }
  }

  /**
   * The seed's {@code train_loop_per_worker}: Adam on the worker's shard, one report per epoch
   * ({@code epoch}, {@code loss}) with a checkpoint; after a failure it resumes from the epoch
   * after the checkpoint's. The seed's SmoothL1 loss is half the squared error here, since a
   * sigmoid output and a 0/1 label differ by less than 1.
   */
  static final class TrainLoopPerWorker implements TrainLoop {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(Map<String, Object> config, TrainContext session) throws Exception {
      int batchSize = ((Number) config.get("batch_size")).intValue();
      float lr = ((Number) config.get("lr")).floatValue();
      int epochs = ((Number) config.get("num_epochs")).intValue();
      int first = 0;
      // model = train.torch.prepare_model(FarePredictor())
      try (Model model = TorchTrain.prepareModel(Model.newInstance("fare"))) {
        model.setBlock(new FarePredictor().newBlock());
        if (session.getCheckpoint() != null) {
          TorchCheckpoint.loadInto(model, session.getCheckpoint());
          first =
              ((Number) session.getCheckpoint().getMetadata().metrics().get("epoch")).intValue()
                  + 1;
        }
        DefaultTrainingConfig training =
            new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).build());
        try (Trainer trainer = model.newTrainer(training)) {
          trainer.initialize(new Shape(batchSize, TaxiTrips.FEATURES.size()));
          for (int epoch = first; epoch < epochs; epoch++) {
            double loss = 0;
            int batches = 0;
            // for batch in train_dataset_shard.iter_torch_batches(batch_size=..., dtypes=float)
            try (TorchBatches shard =
                TorchTrain.iterBatches(
                    session.getDatasetShard("train"),
                    model.getNDManager(),
                    batchSize,
                    TaxiTrips.FEATURES,
                    TaxiTrips.LABEL)) {
              while (shard.hasNext()) {
                NDList batch = shard.next();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                  NDArray batchLoss =
                      trainer
                          .getLoss()
                          .evaluate(
                              new NDList(batch.get(1)), trainer.forward(new NDList(batch.get(0))));
                  collector.backward(batchLoss);
                  loss += batchLoss.getFloat();
                }
                trainer.step();
                batch.close();
                batches++;
              }
            }
            // session.report({"epoch": epoch, "loss": loss},
            // checkpoint=TorchCheckpoint.from_model(model))
            session.report(
                Map.of("epoch", epoch, "loss", loss / Math.max(1, batches)),
                TorchCheckpoint.fromModel(model, FarePredictor.class, TaxiTrips.FEATURES));
          }
        }
      }
    }
  }

  /**
   * Runs the walkthrough with an optional Spark master URL ({@code local[2]} by default) and number
   * of trips per year (20,000 by default) as {@code args}.
   */
  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    long trips = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("taxi-fare")
            .config("spark.plugins", AirPlugin.class.getName())
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    Path work = Files.createTempDirectory("spark-air-taxi-fare");
    try {
      Air air = Air.get(spark);
      AirDataset trainDataset =
          air.readParquet(TaxiTrips.write(spark, work, 2021, trips).toString());
      AirDataset year2022 = air.readParquet(TaxiTrips.write(spark, work, 2022, trips).toString());
      int workers = Math.min(2, spark.sparkContext().defaultParallelism());

      // trainer = TorchTrainer(train_loop_per_worker=..., train_loop_config={...}, ...)
      TorchTrainer trainer = new TorchTrainer(new TrainLoopPerWorker());
      trainer
          .setTrainLoopConfig(Map.of("lr", 1e-2, "num_epochs", 3, "batch_size", 64))
          .setScalingConfig(ScalingConfig.of(workers).useGpu(false))
          .setDataset("train", trainDataset)
          .setPreprocessor(new StandardScaler(TaxiTrips.FEATURES.toArray(new String[0])))
          .setRunConfig(
              new RunConfig().setName("taxi_fare").setStoragePath(work.toString()).setVerbose(1));
      Result result = trainer.fit();
      for (Map<String, Object> epoch : result.metricsHistory()) {
        System.out.printf("epoch %s: loss %.4f%n", epoch.get("epoch"), epoch.get("loss"));
      }

      AirDataset predicted =
          BatchPredictor.fromCheckpoint(result.checkpoint(), TorchPredictor.class)
              .predict(
                  year2022,
                  io.sparkair.predict.PredictOptions.defaults().keepColumns(TaxiTrips.LABEL));
      predicted.show(5);
      long right = predicted.toDataFrame().where("(prediction > 0.5) = is_big_tip").count();
      double accuracy = (double) right / predicted.count();
      System.out.printf(
          "2022 accuracy %.3f (checkpoint %s)%n", accuracy, result.checkpoint().path());
      List<Map<String, Object>> history = result.metricsHistory();
      double firstLoss = ((Number) history.get(0).get("loss")).doubleValue();
      double lastLoss = ((Number) history.get(history.size() - 1).get("loss")).doubleValue();
      if (lastLoss >= firstLoss || accuracy < 0.65) {
        throw new IllegalStateException(
            "the model learnt too little: loss "
                + firstLoss
                + " -> "
                + lastLoss
                + ", accuracy "
                + accuracy);
      }
      List.of(predicted, year2022, trainDataset).forEach(AirDataset::close);
    } finally {
      spark.stop();
    }
  }
}
