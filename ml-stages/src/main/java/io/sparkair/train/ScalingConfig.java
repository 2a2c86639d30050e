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
package io.sparkair.train;

import java.io.Serializable;

/**
 * How many workers train and what each holds: {@code numWorkers} actors, each holding {@code
 * cpusPerWorker} Spark task slots (and a GPU with {@code useGpu}) while training runs.
 */
public final class ScalingConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The number of workers. */
  private final int numWorkers;

  /** Whether each worker holds a GPU. */
  private final boolean useGpu;

  /** Spark task slots each worker holds. */
  private final int cpusPerWorker;

  private ScalingConfig(int numWorkers, boolean useGpu, int cpusPerWorker) {
    if (numWorkers <= 0) {
      throw new IllegalArgumentException("numWorkers must be > 0, got " + numWorkers);
    }
    if (cpusPerWorker <= 0) {
      throw new IllegalArgumentException("cpusPerWorker must be > 0, got " + cpusPerWorker);
    }
    this.numWorkers = numWorkers;
    this.useGpu = useGpu;
    this.cpusPerWorker = cpusPerWorker;
  }

  /** {@code numWorkers} CPU workers of one core each. */
  public static ScalingConfig of(int numWorkers) {
    return new ScalingConfig(numWorkers, false, 1);
  }

  /** The same, with a GPU per worker or not. */
  public ScalingConfig useGpu(boolean gpu) {
    return new ScalingConfig(numWorkers, gpu, cpusPerWorker);
  }

  /** The same, with {@code cpus} cores (Spark task slots) per worker. */
  public ScalingConfig cpusPerWorker(int cpus) {
    return new ScalingConfig(numWorkers, useGpu, cpus);
  }

  /** The number of workers; positive. */
  public int numWorkers() {
    return numWorkers;
  }

  /** Whether each worker holds a GPU; false by default. */
  public boolean useGpu() {
    return useGpu;
  }

  /** The Spark task slots (cores) each worker holds; 1 by default. */
  public int cpusPerWorker() {
    return cpusPerWorker;
  }

  @Override
  public String toString() {
    return "ScalingConfig(numWorkers="
        + numWorkers
        + ", useGpu="
        + useGpu
        + ", cpusPerWorker="
        + cpusPerWorker
        + ")";
  }
}
