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
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Keeps the executors that hold a lineage's blocks from being released by dynamic allocation, as
 * cached data keeps its executors: the RDD of every job that wrote blocks is persisted, so each
 * writing task leaves one small cached partition (its blocks' references) on the executor that
 * holds the blocks. Spark keeps an executor with cached partitions for {@code
 * spark.dynamicAllocation.cachedExecutorIdleTimeout} (forever by default), and the Spark UI's
 * Storage tab lists the RDDs under the dataset's name. Releasing unpersists them.
 */
final class ExecutorPins {
  private final List<RDD<?>> pinned = new ArrayList<>();
  private boolean released;

  /**
   * Marks the RDD of a block-writing job to be kept where its tasks run; call before the job.
   *
   * @return the same RDD
   */
  static <T> RDD<T> pinWhereComputed(RDD<T> writes, String name) {
    writes.setName(name);
    return writes.persist(StorageLevel.MEMORY_ONLY());
  }

  /** Holds a pinned RDD until {@link #release()}; released at once if that already happened. */
  synchronized void hold(RDD<?> writes) {
    if (released) {
      unpersist(writes);
    } else {
      pinned.add(writes);
    }
  }

  /** Unpersists every held RDD, which lets dynamic allocation release their executors. */
  synchronized void release() {
    released = true;
    pinned.forEach(ExecutorPins::unpersist);
    pinned.clear();
  }

  private static void unpersist(RDD<?> rdd) {
    SparkContext sc = rdd.sparkContext();
    if (!sc.isStopped()) {
      rdd.unpersist(false);
    }
  }
}
