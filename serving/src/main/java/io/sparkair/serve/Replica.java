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
package io.sparkair.serve;

import io.sparkair.predict.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One predictor instance of a deployment with its own thread. It takes requests from the
 * deployment's shared queue (so idle replicas take the load), merges what is queued into one batch
 * of up to {@code maxBatchSize} rows, predicts once and answers each request with its rows. A batch
 * that fails is predicted request by request, so one bad request fails alone.
 */
final class Replica implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
  private static final long IDLE_POLL_MS = 50;

  private final Deployment deployment;
  private final Predictor predictor;
  private final BlockingQueue<PendingRequest> queue;
  private final BufferAllocator allocator;
  private final int maxBatchSize;
  private final long batchWaitNanos;
  private final Thread thread;
  private volatile boolean stopping;
  private VectorSchemaRoot reused;
  private ColumnBatch reusedFor;

  Replica(
      Deployment deployment,
      Predictor predictor,
      BlockingQueue<PendingRequest> queue,
      BufferAllocator allocator,
      DeploymentConfig config,
      int number) {
    this.deployment = deployment;
    this.predictor = predictor;
    this.queue = queue;
    this.allocator = allocator;
    this.maxBatchSize = config.getMaxBatchSize();
    this.batchWaitNanos = TimeUnit.MICROSECONDS.toNanos(config.getBatchWaitTimeoutMicros());
    this.thread = new Thread(this, "air-serve-" + config.getName() + "-" + number);
    this.thread.setDaemon(true);
  }

  /** Predicts {@code rows} directly, outside the queue: a new replica's warm-up. */
  ColumnBatch predictNow(ColumnBatch rows) {
    try (VectorSchemaRoot input = rows.toArrow(allocator);
        VectorSchemaRoot output = predictor.predict(input)) {
      return ColumnBatch.fromArrow(output, 0, output.getRowCount());
    }
  }

  void start() {
    thread.start();
  }

  /** Frees the model of a replica that was never started. */
  void stopUnstarted() {
    predictor.close();
  }

  /** Ends this replica after its current batch; queued requests go to the others. */
  void stop() {
    stopping = true;
  }

  /** Waits for the replica's thread to end. */
  void join(long millis) throws InterruptedException {
    thread.join(millis);
  }

  @Override
  public void run() {
    try {
      while (!stopping) {
        PendingRequest first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<PendingRequest> batch = collect(first);
        deployment.taken(batch.size());
        try {
          predict(batch);
        } finally {
          deployment.done(batch.size());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (reused != null) {
        reused.close();
      }
      predictor.close();
    }
  }

  private List<PendingRequest> collect(PendingRequest first) throws InterruptedException {
    List<PendingRequest> batch = new ArrayList<>();
    batch.add(first);
    int rows = first.rows.rowCount();
    long deadline = System.nanoTime() + batchWaitNanos;
    while (rows < maxBatchSize) {
      long wait = deadline - System.nanoTime();
      PendingRequest next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
      if (next == null) {
        break;
      }
      batch.add(next);
      rows += next.rows.rowCount();
    }
    return batch;
  }

  private void predict(List<PendingRequest> batch) {
    List<List<PendingRequest>> bySchema = new ArrayList<>();
    for (PendingRequest p : batch) {
      List<PendingRequest> same = null;
      for (List<PendingRequest> group : bySchema) {
        if (group.get(0).rows.sameSchema(p.rows)) {
          same = group;
          break;
        }
      }
      if (same == null) {
        same = new ArrayList<>();
        bySchema.add(same);
      }
      same.add(p);
    }
    for (List<PendingRequest> group : bySchema) {
      try {
        predictTogether(group);
      } catch (RuntimeException e) {
        if (group.size() == 1) {
          fail(group.get(0), e);
        } else {
          for (PendingRequest p : group) {
            try {
              predictTogether(List.of(p));
            } catch (RuntimeException alone) {
              fail(p, alone);
            }
          }
        }
      }
    }
  }

  private void predictTogether(List<PendingRequest> group) {
    List<ColumnBatch> inputs = new ArrayList<>(group.size());
    group.forEach(p -> inputs.add(p.rows));
    ColumnBatch merged = ColumnBatch.concat(inputs);
    deployment.batchPredicted(thread.getName(), group.size(), merged.rowCount());
    VectorSchemaRoot input = input(merged);
    try (VectorSchemaRoot output = predictor.predict(input)) {
      if (output.getRowCount() != merged.rowCount()) {
        throw new IllegalStateException(
            "the predictor answered " + output.getRowCount() + " rows for " + merged.rowCount());
      }
      int at = 0;
      for (PendingRequest p : group) {
        int n = p.rows.rowCount();
        p.result.complete(ColumnBatch.fromArrow(output, at, n));
        at += n;
      }
    }
    deployment.sampled(group.get(0).rows);
  }

  /**
   * The Arrow vectors of {@code rows}: this replica's vectors of the last batch, refilled when the
   * columns are the same, so a batch allocates no Arrow memory.
   */
  private VectorSchemaRoot input(ColumnBatch rows) {
    if (reused == null || !reusedFor.sameSchema(rows)) {
      if (reused != null) {
        reused.close();
      }
      reused = rows.emptyRoot(allocator);
      reusedFor = rows;
    }
    rows.fill(reused);
    return reused;
  }

  private void fail(PendingRequest p, RuntimeException e) {
    if (e instanceof IllegalArgumentException) {
      p.result.completeExceptionally(new BadRequestException(e.getMessage()));
    } else {
      LOG.warn("deployment {}: predicting failed: {}", deployment.name(), e.toString());
      p.result.completeExceptionally(e);
    }
  }
}
