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
