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

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;

/**
 * Divides a dataset's rows into shards of equal size (to one row), taking for each shard first the
 * blocks that live on its preferred executor, and cutting blocks only where needed.
 */
final class Shards {
  private Shards() {}

  /**
   * @param blocks the dataset's blocks, in order
   * @param n number of shards
   * @param hints the preferred executor of each shard (null entries: no preference)
   */
  static List<List<BlockRef>> split(List<BlockRef> blocks, int n, List<String> hints) {
    long total = blocks.stream().mapToLong(BlockRef::rows).sum();
    long[] quota = new long[n];
    List<List<BlockRef>> shards = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      quota[i] = total / n + (i < total % n ? 1 : 0);
      shards.add(new ArrayList<>());
    }
    LinkedList<BlockRef> pieces = new LinkedList<>(blocks);
    for (boolean wholeOnly : new boolean[] {true, false}) {
      for (int i = 0; i < n; i++) {
        String hint = hints.get(i);
        if (hint != null) {
          take(pieces, shards.get(i), quota, i, hint, wholeOnly);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      take(pieces, shards.get(i), quota, i, null, false);
    }
    return shards;
  }

  private static void take(
      LinkedList<BlockRef> pieces,
      List<BlockRef> shard,
      long[] quota,
      int i,
      String executor,
      boolean wholeOnly) {
    Iterator<BlockRef> it = pieces.iterator();
    List<BlockRef> rest = new ArrayList<>();
    while (quota[i] > 0 && it.hasNext()) {
      BlockRef piece = it.next();
      if (executor != null && !executor.equals(piece.executor())) {
        continue;
      }
      if (piece.rows() <= quota[i]) {
        it.remove();
        shard.add(piece);
        quota[i] -= piece.rows();
      } else if (!wholeOnly) {
        it.remove();
        shard.add(piece.slice(0, quota[i]));
        rest.add(piece.slice(quota[i], piece.rows() - quota[i]));
        quota[i] = 0;
      }
    }
    pieces.addAll(0, rest);
  }
}
