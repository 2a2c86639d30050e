package io.sparkair.serve;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.sparkair.checkpoint.BlockFactory;

/** Linear(3, 8), ReLU, Linear(8, 1), sigmoid: a DJL model for the serving tests. */
public final class TinyNet implements BlockFactory {
  @Override
  public Block newBlock() {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(8).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(1).build())
        .add(Activation::sigmoid);
  }
}
