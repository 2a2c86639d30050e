package io.sparkair.runtime.store;

import io.sparkair.runtime.AirException;

/** The object store holds no block with the requested id (never put, or already released). */
public class BlockNotFoundException extends AirException {
  private static final long serialVersionUID = 1L;

  /** @param id the missing block */
  public BlockNotFoundException(BlockId id) {
    super("no block " + id + " in the object store (never stored, or already released)");
  }
}
