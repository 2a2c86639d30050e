package io.sparkair.data;

import io.sparkair.runtime.store.BlockId;
import java.io.Serializable;

/**
 * Where one block of a dataset lives.
 *
 * @param id the block, which names the executor whose store holds it
 * @param address that executor's runtime address, host:port
 * @param rows rows in the block
 * @param bytes bytes of its Arrow buffers
 */
public record BlockRef(BlockId id, String address, long rows, long bytes) implements Serializable {
  /** The executor holding the block. */
  public String executor() {
    return id.node();
  }

  /** The executor's host. */
  public String host() {
    return address.substring(0, address.lastIndexOf(':'));
  }

  /** Spark's preferred-location string for a task that reads this block. */
  String preferredLocation() {
    return "executor_" + host() + "_" + executor();
  }
}
