package io.sparkair.checkpoint;

import ai.djl.nn.Block;

/**
 * Builds a DJL model's architecture. A DJL checkpoint holds parameters only, so a
 * {@link TorchCheckpoint} names the factory that rebuilds the block; implementations need a
 * public no-argument constructor.
 */
public interface BlockFactory {
  /** A new, uninitialized block of the model's architecture. */
  Block newBlock();
}
