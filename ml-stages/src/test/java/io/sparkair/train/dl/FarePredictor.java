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

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.sparkair.checkpoint.BlockFactory;

/**
 * The seed's FarePredictor: Linear(6,256), ReLU, BatchNorm, Linear(256,16), ReLU, BatchNorm,
 * Linear(16,1), sigmoid.
 */
public final class FarePredictor implements BlockFactory {
  @Override
  public Block newBlock() {
    return block();
  }

  static Block block() {
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
