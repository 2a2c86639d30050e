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

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.BlockSet;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.runtime.collective.Collective;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A worker's {@link TrainContext}: rank 0's reports go to the driver in order, each sent without
 * waiting for the driver to record it; the reply to one is awaited when the next is sent.
 */
final class WorkerContext implements TrainContext {
  private final WorkerSetup setup;
  private Checkpoint resumed;
  private int reports;
  private boolean stop;
  private CompletableFuture<Boolean> pending;
  private Collective collective;

  WorkerContext(WorkerSetup setup) {
    this.setup = setup;
  }

  @Override
  public BlockSet getDatasetShard(String name) {
    return setup.shards.get(name);
  }

  @Override
  public void report(Map<String, ?> metrics) {
    report(metrics, null);
  }

  /**
   * {@inheritDoc} The trainer's fitted preprocessor is added to a checkpoint without one, and the
   * reported metrics to a checkpoint that records none.
   */
  @Override
  public void report(Map<String, ?> metrics, Checkpoint checkpoint) {
    Objects.requireNonNull(metrics, "metrics");
    reports++;
    if (setup.rank != 0) {
      closeReported(checkpoint);
      return;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(metrics);
    String uri = null;
    if (checkpoint != null) {
      Object iteration = copy.getOrDefault("training_iteration", reports);
      boolean addPreprocessor =
          setup.preprocessorJson != null && checkpoint.getPreprocessor() == null;
      boolean addMetrics = checkpoint.getMetadata().metrics().isEmpty();
      if (addPreprocessor || addMetrics) {
        Map<String, Object> recorded = new LinkedHashMap<>(copy);
        recorded.putIfAbsent("training_iteration", iteration);
        Checkpoint completed =
            Checkpoint.builder(checkpoint.getMetadata().framework())
                .metrics(addMetrics ? recorded : checkpoint.getMetadata().metrics())
                .modelDirectory(checkpoint.modelDirectory())
                .preprocessor(
                    addPreprocessor
                        ? Preprocessors.fromJson(setup.preprocessorJson)
                        : checkpoint.getPreprocessor())
                .build();
        closeReported(checkpoint);
        checkpoint = completed;
      }
      uri =
          setup.runDir
              + "/checkpoint_"
              + String.format(Locale.ROOT, "%06d", ((Number) iteration).intValue());
      checkpoint.toDirectory(uri);
      closeReported(checkpoint);
    }
    String stored = uri;
    awaitPending();
    pending = setup.sink.call(sink -> sink.report(copy, stored));
  }

  /** Deletes a reported checkpoint's temporary copy, unless it is the one resumed from. */
  private void closeReported(Checkpoint checkpoint) {
    if (checkpoint != null && checkpoint != resumed) {
      checkpoint.close();
    }
  }

  /**
   * {@inheritDoc} As of the latest reply from the driver: reports are sent without waiting, and
   * each waits only for the reply to the one before it.
   */
  @Override
  public boolean shouldStop() {
    if (pending != null && pending.isDone()) {
      awaitPending();
    }
    return stop;
  }

  /** Waits for the reply to the last report, raising what the driver raised on it. */
  void awaitPending() {
    if (pending != null) {
      stop = pending.join();
      pending = null;
    }
  }

  @Override
  public synchronized Checkpoint getCheckpoint() {
    if (resumed == null && setup.resumeFrom != null) {
      resumed = Checkpoint.fromDirectory(setup.resumeFrom);
    }
    return resumed;
  }

  @Override
  public int worldRank() {
    return setup.rank;
  }

  @Override
  public int worldSize() {
    return setup.worldSize;
  }

  @Override
  public int localRank() {
    return setup.localRank;
  }

  @Override
  public int cpus() {
    return setup.cpus;
  }

  @Override
  public synchronized Collective collective() {
    if (collective == null) {
      collective = Collective.of(setup.collectives, setup.rank, setup.worldSize);
    }
    return collective;
  }

  /** Leaves the attempt's collectives, if this worker used them. */
  synchronized void closeCollective() {
    if (collective != null) {
      collective.close();
    }
  }
}
