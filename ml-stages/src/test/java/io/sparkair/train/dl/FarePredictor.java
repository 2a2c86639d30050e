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
