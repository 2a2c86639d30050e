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

import io.sparkair.runtime.collective.Collective;
import io.sparkair.train.BaseTrainer;
import io.sparkair.train.TrainContext;
import io.sparkair.train.TrainLoop;
import java.util.Map;
import java.util.Objects;

/**
 * Data-parallel deep learning on DJL's PyTorch engine (Ray's {@code TorchTrainer}): every worker
 * runs the loop on its shard of the datasets. In the loop, {@link TorchTrain#prepareModel} makes
 * the model data-parallel (gradients averaged over the workers before each optimizer step) and
 * {@link TorchTrain#iterBatches} reads the shard as DJL batches. Each worker's PyTorch uses as many
 * threads as the worker holds task slots, so workers sharing an executor do not fight over its
 * cores. The engine never downloads anything: its native library comes from the {@code
 * pytorch-native-cpu} jar.
 *
 * <pre>{@code
 * new TorchTrainer((config, context) -> {
 *   try (Model model = TorchTrain.prepareModel(Model.newInstance("fare"))) {
 *     model.setBlock(fareBlock());
 *     try (Trainer trainer = model.newTrainer(trainingConfig)) {
 *       trainer.initialize(new Shape(64, 6));
 *       ... EasyTrain.trainBatch(...); trainer.step(); context.report(...);
 *     }
 *   }
 * }).setScalingConfig(ScalingConfig.of(2)).setDataset("train", train).fit();
 * }</pre>
 */
public class TorchTrainer extends BaseTrainer<TorchTrainer> {
  private final TrainLoop loop;

  /** A trainer running {@code loop} in every worker. */
  public TorchTrainer(TrainLoop loop) {
    this.loop = Objects.requireNonNull(loop, "loop");
  }

  @Override
  protected TorchTrainer newInstance() {
    return new TorchTrainer(loop);
  }

  /** {@inheritDoc} The user's loop, with its worker's collectives and PyTorch's threads set. */
  @Override
  protected TrainLoop startAttempt(int numWorkers) {
    return new SessionLoop(loop);
  }

  /** The user's loop, run with this worker's collectives and PyTorch's threads set. */
  private static final class SessionLoop implements TrainLoop {
    private static final long serialVersionUID = 1L;
    private final TrainLoop loop;

    SessionLoop(TrainLoop loop) {
      this.loop = loop;
    }

    @Override
    public void run(Map<String, Object> config, TrainContext context) throws Exception {
      Collective collective = context.collective();
      collective.releaseWhileWaiting(TorchTrain.ENGINE);
      DjlEngine.prepare(context.cpus());
      Exception[] thrown = new Exception[1];
      TorchTrain.within(
          collective,
          () -> {
            try {
              loop.run(config, context);
            } catch (Exception e) {
              thrown[0] = e;
            }
          });
      if (thrown[0] != null) {
        throw thrown[0];
      }
    }
  }
}
