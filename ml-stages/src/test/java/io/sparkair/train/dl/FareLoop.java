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

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.sparkair.checkpoint.TorchCheckpoint;
import io.sparkair.runtime.collective.Collective;
import io.sparkair.train.TrainContext;
import io.sparkair.train.TrainLoop;
import java.util.Map;

/**
 * The seed's train loop for the FarePredictor: Adam, batches of {@code batch_size}, one report per
 * epoch ({@code epoch}, {@code loss}: the mean batch loss) with rank 0's checkpoint of the model.
 * Half the squared error is the seed's SmoothL1 loss here, since a sigmoid output and a 0/1 label
 * differ by less than 1. With {@code check_identical}, every worker checks after every step that
 * its parameters equal the other workers' (their sum over the group is exactly {@code worldSize}
 * times its own), and the report counts the checked steps. After a failure it resumes from the
 * epoch after its checkpoint's, with the checkpoint's parameters; the first report after resuming
 * adds {@code resumed_loss} (the loaded model's mean loss over the shard, before any step) and
 * {@code fresh_loss} (a newly initialized model's, on the same shard).
 */
final class FareLoop implements TrainLoop {
  private static final long serialVersionUID = 1L;

  @Override
  public void run(Map<String, Object> config, TrainContext context) throws Exception {
    int batchSize = ((Number) config.getOrDefault("batch_size", 64)).intValue();
    float lr = ((Number) config.getOrDefault("lr", 1e-2)).floatValue();
    int epochs = ((Number) config.getOrDefault("num_epochs", 3)).intValue();
    boolean check = Boolean.TRUE.equals(config.get("check_identical"));
    Collective collective = TorchTrain.collective();
    int first = 0;
    try (Model model = TorchTrain.prepareModel(Model.newInstance("fare"))) {
      model.setBlock(FarePredictor.block());
      if (context.getCheckpoint() != null) {
        TorchCheckpoint.loadInto(model, context.getCheckpoint());
        first =
            ((Number) context.getCheckpoint().getMetadata().metrics().get("epoch")).intValue() + 1;
      }
      DefaultTrainingConfig training =
          new DefaultTrainingConfig(Loss.l2Loss())
              .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).build());
      try (Trainer trainer = model.newTrainer(training)) {
        trainer.initialize(new Shape(batchSize, TaxiTrips.FEATURES.size()));
        int checked = 0;
        double resumedLoss = first > 0 ? meanLoss(trainer, context, batchSize) : Double.NaN;
        double freshLoss = first > 0 ? freshModelLoss(training, context, batchSize) : Double.NaN;
        for (int epoch = first; epoch < epochs; epoch++) {
          double loss = 0;
          int batches = 0;
          try (TorchBatches shard =
              TorchTrain.iterBatches(
                  context.getDatasetShard("train"),
                  model.getNDManager(),
                  batchSize,
                  TaxiTrips.FEATURES,
                  TaxiTrips.LABEL)) {
            while (shard.hasNext()) {
              NDList batch = shard.next();
              try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList output = trainer.forward(new NDList(batch.get(0)));
                NDArray batchLoss = trainer.getLoss().evaluate(new NDList(batch.get(1)), output);
                collector.backward(batchLoss);
                loss += batchLoss.getFloat();
              }
              trainer.step();
              batches++;
              if (check) {
                checkIdentical(model, collective);
                checked++;
              }
            }
          }
          Map<String, Object> metrics = new java.util.HashMap<>();
          metrics.put("epoch", epoch);
          metrics.put("loss", loss / Math.max(1, batches));
          metrics.put("batches", batches);
          metrics.put("checked_steps", checked);
          if (epoch == first && first > 0) {
            metrics.put("resumed_loss", resumedLoss);
            metrics.put("fresh_loss", freshLoss);
          }
          context.report(
              metrics,
              context.worldRank() == 0
                  ? TorchCheckpoint.fromModel(model, FarePredictor.class, TaxiTrips.FEATURES)
                  : null);
        }
      }
    }
  }

  /** The loss of a newly initialized model over this worker's shard: what nothing learnt gives. */
  private static double freshModelLoss(
      DefaultTrainingConfig training, TrainContext context, int batchSize) {
    try (Model fresh = Model.newInstance("fare-fresh")) {
      fresh.setBlock(FarePredictor.block());
      try (Trainer trainer = fresh.newTrainer(training)) {
        trainer.initialize(new Shape(batchSize, TaxiTrips.FEATURES.size()));
        return meanLoss(trainer, context, batchSize);
      }
    }
  }

  /** The loss of the model as loaded, over this worker's shard, without a training step. */
  private static double meanLoss(Trainer trainer, TrainContext context, int batchSize) {
    double loss = 0;
    int batches = 0;
    try (TorchBatches shard =
        TorchTrain.iterBatches(
            context.getDatasetShard("train"),
            trainer.getManager(),
            batchSize,
            TaxiTrips.FEATURES,
            TaxiTrips.LABEL)) {
      while (shard.hasNext()) {
        NDList batch = shard.next();
        NDList output = trainer.evaluate(new NDList(batch.get(0)));
        loss += trainer.getLoss().evaluate(new NDList(batch.get(1)), output).getFloat();
        batches++;
      }
    }
    return loss / Math.max(1, batches);
  }

  private static void checkIdentical(Model model, Collective collective) {
    java.util.List<Float> all = new java.util.ArrayList<>();
    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
      for (float v : p.getValue().getArray().toFloatArray()) {
        all.add(v);
      }
    }
    float[] mine = new float[all.size()];
    for (int i = 0; i < mine.length; i++) {
      mine[i] = all.get(i);
    }
    float[] sum = collective.allReduce(mine.clone());
    for (int i = 0; i < mine.length; i++) {
      if (sum[i] != mine[i] * collective.worldSize()) {
        throw new IllegalStateException(
            "rank "
                + collective.rank()
                + " differs from the others "
                + "at value "
                + i
                + ": "
                + mine[i]
                + " against a group sum of "
                + sum[i]);
      }
    }
  }
}
