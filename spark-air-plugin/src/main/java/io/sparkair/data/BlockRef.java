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
package io.sparkair.data;

import io.sparkair.runtime.store.BlockId;
import java.io.Serializable;

/**
 * Rows of one block that belong to a dataset: the whole block, or a slice of it.
 *
 * @param id the block, which names the executor whose store holds it
 * @param address that executor's runtime address, host:port
 * @param offset the first row of the block that belongs to the dataset
 * @param rows how many rows, from {@code offset}, belong to the dataset
 * @param bytes bytes of Arrow buffers those rows take (a slice's share of the block)
 */
public record BlockRef(BlockId id, String address, long offset, long rows, long bytes)
    implements Serializable {
  /**
   * Checks the components: {@code offset} and {@code rows} must not be negative, else
   * IllegalArgumentException.
   */
  public BlockRef {
    if (offset < 0 || rows < 0) {
      throw new IllegalArgumentException(
          "block slice needs offset >= 0 and rows >= 0, got " + offset + ", " + rows);
    }
  }

  /** The executor holding the block. */
  public String executor() {
    return id.node();
  }

  /** The executor's host. */
  public String host() {
    return address.substring(0, address.lastIndexOf(':'));
  }

  /** The rows {@code [from, from + count)} of this slice, as a slice of the same block. */
  BlockRef slice(long from, long count) {
    if (from < 0 || count < 0 || from + count > rows) {
      throw new IllegalArgumentException(
          "rows " + from + ".." + (from + count) + " are outside a slice of " + rows + " rows");
    }
    long share = rows == 0 ? 0 : Math.round((double) bytes * count / rows);
    return new BlockRef(id, address, offset + from, count, share);
  }

  /** Spark's preferred-location string for a task that reads this block. */
  String preferredLocation() {
    return "executor_" + host() + "_" + executor();
  }
}
