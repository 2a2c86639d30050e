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
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sparkair.checkpoint.TorchCheckpoint;
import io.sparkair.train.TrainContext;
import io.sparkair.train.TrainLoop;
import java.util.Map;

/**
 * Gradient descent on whole shards: every step's batch is the worker's entire shard, so with equal
 * shards the global batch is the whole dataset however many workers share it. The model ({@link
 * SmallMlp}) starts from seeded parameters; rank 0 reports a checkpoint after the last of {@code
 * steps} steps.
 */
final class FullBatchLoop implements TrainLoop {
  private static final long serialVersionUID = 1L;

  @Override
  public void run(Map<String, Object> config, TrainContext context) throws Exception {
    int steps = ((Number) config.get("steps")).intValue();
    Engine.getInstance().setRandomSeed(5);
    try (Model model = TorchTrain.prepareModel(Model.newInstance("full-batch"))) {
      model.setBlock(new SmallMlp().newBlock());
      DefaultTrainingConfig training =
          new DefaultTrainingConfig(Loss.l2Loss())
              .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build());
      try (Trainer trainer = model.newTrainer(training)) {
        trainer.initialize(new Shape(1, TaxiTrips.FEATURES.size()));
        float loss = 0;
        for (int step = 0; step < steps; step++) {
          try (TorchBatches shard =
              TorchTrain.iterBatches(
                  context.getDatasetShard("train"),
                  model.getNDManager(),
                  Integer.MAX_VALUE,
                  TaxiTrips.FEATURES,
                  TaxiTrips.LABEL)) {
            NDList batch = shard.next();
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDArray batchLoss =
                  trainer
                      .getLoss()
                      .evaluate(
                          new NDList(batch.get(1)), trainer.forward(new NDList(batch.get(0))));
              collector.backward(batchLoss);
              loss = batchLoss.getFloat();
            }
            trainer.step();
            batch.close();
          }
        }
        context.report(
            Map.of("loss", loss),
            context.worldRank() == 0
                ? TorchCheckpoint.fromModel(model, SmallMlp.class, TaxiTrips.FEATURES)
                : null);
      }
    }
  }
}
