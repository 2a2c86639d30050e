package io.sparkair.runtime.store;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a block of Arrow record batches and the node whose store owns it.
 *
 * @param node the node (executor id) whose object store holds the block
 * @param id a cluster-unique id
 */
public record BlockId(String node, String id) implements Serializable {
  /**
   * Checks the components: neither may be null, and {@code node} must not contain '/', else
   * IllegalArgumentException.
   */
  public BlockId {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(id, "id");
    if (node.contains("/")) {
      throw new IllegalArgumentException("node id must not contain '/': " + node);
    }
  }

  /** A fresh id for a block owned by {@code node}. */
  public static BlockId random(String node) {
    return new BlockId(node, UUID.randomUUID().toString());
  }

  /** Parses the form produced by {@link #toString()}. */
  public static BlockId parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException("not a block id: '" + text + "'");
    }
    return new BlockId(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return node + "/" + id;
  }
}
