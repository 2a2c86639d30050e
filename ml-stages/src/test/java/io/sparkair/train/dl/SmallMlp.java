package io.sparkair.train.dl;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.sparkair.checkpoint.BlockFactory;

/** Linear(6,32), ReLU, Linear(32,1), sigmoid: a model without batch statistics. */
public final class SmallMlp implements BlockFactory {
  @Override
  public Block newBlock() {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(32).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(1).build())
        .add(Activation::sigmoid);
  }
}
