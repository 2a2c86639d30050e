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
package io.sparkair.train.dl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sparkair.data.BatchIterator;
import io.sparkair.data.BlockSet;
import io.sparkair.predict.FeatureRows;
import io.sparkair.runtime.collective.Collective;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A dataset shard as DJL batches: each is an {@link NDList} of the features ({@code [rows,
 * features]}, float32) and, when a label column is named, the labels ({@code [rows, 1]}). The Arrow
 * columns are copied straight into one row-major float array per batch, with no Java object per
 * row; nulls become NaN. Each batch lives in a manager of its own, closed when the next batch is
 * taken or the iterator is closed.
 *
 * <p>Every worker of a group reads the same number of rows, the smallest shard's (shards differ by
 * one row at most), so that all take the same number of steps, in lock step with their all-reduce:
 * as Ray's equal split, this may leave out one row of a shard.
 */
public final class TorchBatches implements Iterator<NDList>, AutoCloseable {
  private final BatchIterator source;
  private final NDManager parent;
  private final List<String> features;
  private final String label;
  private final FeatureRows rows = new FeatureRows();
  private NDManager current;
  private long left;

  TorchBatches(
      BlockSet shard,
      NDManager parent,
      int batchSize,
      List<String> features,
      String label,
      Collective collective) {
    if (features == null || features.isEmpty()) {
      throw new IllegalArgumentException("name at least one feature column, got " + features);
    }
    this.source = shard.iterBatches(batchSize, 2);
    this.parent = parent;
    this.features = List.copyOf(features);
    this.label = label;
    this.left = smallestShard(shard.count(), collective);
  }

  /**
   * The row count of the group's smallest shard (every rank calls this once). Counts travel as two
   * floats of 20 bits each, exact where one float is not.
   */
  private static long smallestShard(long mine, Collective collective) {
    if (collective == null || collective.worldSize() == 1) {
      return mine;
    }
    float[] counts = new float[2 * collective.worldSize()];
    counts[2 * collective.rank()] = mine >>> 20;
    counts[2 * collective.rank() + 1] = mine & 0xFFFFF;
    float[] all = collective.allReduce(counts);
    long smallest = mine;
    for (int r = 0; r < collective.worldSize(); r++) {
      smallest = Math.min(smallest, ((long) all[2 * r] << 20) + (long) all[2 * r + 1]);
    }
    return smallest;
  }

  @Override
  public boolean hasNext() {
    return left > 0 && source.hasNext();
  }

  @Override
  public NDList next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    closeCurrent();
    rows.clear();
    rows.add(source.next(), label, features);
    current = parent.newSubManager();
    int n = (int) Math.min(rows.rows(), left);
    left -= n;
    int width = rows.width();
    NDArray x = current.create(FloatBuffer.wrap(rows.values(), 0, n * width), new Shape(n, width));
    if (label == null) {
      return new NDList(x);
    }
    return new NDList(x, current.create(FloatBuffer.wrap(rows.labels(), 0, n), new Shape(n, 1)));
  }

  private void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    closeCurrent();
    source.close();
  }
}
