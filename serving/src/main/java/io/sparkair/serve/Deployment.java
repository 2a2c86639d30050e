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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A served checkpoint: its replicas share one bounded queue of requests. It grows and shrinks
 * between {@code minReplicas} and {@code maxReplicas} on the ongoing requests per replica, and
 * {@link #update} swaps in a new checkpoint with no request lost: the new replicas are loaded and
 * warmed before they take from the queue, and the old ones finish their current batch.
 */
final class Deployment implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);
  private static final long DRAIN_MS = 30_000;

  private final String name;
  private final BufferAllocator allocator;
  private final ServeMetrics metrics;
  private final BlockingQueue<PendingRequest> queue;
  private final List<Replica> replicas = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private volatile DeploymentConfig config;
  private volatile String predictorClass;
  private volatile List<String> inputColumns = List.of();
  private volatile HttpAdapter adapter;
  private volatile ColumnBatch sample;
  private volatile boolean closed;
  private long aboveSince = -1;
  private long belowSince = -1;

  private Deployment(DeploymentConfig config, BufferAllocator allocator, ServeMetrics metrics) {
    this.name = config.getName();
    this.config = config;
    this.adapter = HttpAdapters.byName(config.getHttpAdapter());
    this.allocator = allocator;
    this.metrics = metrics;
    this.queue = new ArrayBlockingQueue<>(config.getMaxQueuedRequests());
  }

  /**
   * Loads the checkpoint into the configured number of replicas and starts them.
   *
   * @throws IllegalArgumentException when the configuration or the checkpoint is wrong
   */
  static Deployment start(
      DeploymentConfig config, BufferAllocator allocator, ServeMetrics metrics) {
    config.validate();
    Deployment deployment = new Deployment(config, allocator, metrics);
    List<Replica> first = deployment.load(config, config.getNumReplicas());
    deployment.replicas.addAll(first);
    first.forEach(Replica::start);
    LOG.info(
        "deployment {} serves {} at {} with {} replica(s)",
        config.getName(),
        config.getCheckpoint(),
        config.getRoutePrefix(),
        first.size());
    return deployment;
  }

  String name() {
    return name;
  }

  DeploymentConfig config() {
    return config;
  }

  /** The class of the predictor the replicas run. */
  String predictorClass() {
    return predictorClass;
  }

  HttpAdapter adapter() {
    return adapter;
  }

  /** The columns the model reads, when its predictor knows them; empty otherwise. */
  List<String> inputColumns() {
    return inputColumns;
  }

  /** Whether it takes requests: it has replicas and was not removed. */
  boolean ready() {
    return !closed && !replicas.isEmpty();
  }

  /**
   * Queues rows for prediction.
   *
   * @throws OverloadedException when the queue is full
   * @throws IllegalStateException when the deployment was removed
   */
  CompletableFuture<ColumnBatch> submit(ColumnBatch rows) {
    if (closed) {
      throw new IllegalStateException("deployment " + name + " was removed");
    }
    PendingRequest pending = new PendingRequest(rows);
    if (!queue.offer(pending)) {
      throw new OverloadedException(
          "deployment "
              + name
              + " has "
              + queue.size()
              + " requests waiting, its limit (maxQueuedRequests)");
    }
    return pending.result;
  }

  /**
   * Serves {@code next} instead: a new checkpoint, predictor, replica count, batching or adapter.
   * New replicas are loaded and warmed on a recent request before they take any request; the old
   * ones then stop after their current batch.
   *
   * @throws IllegalArgumentException when {@code next} is wrong or its checkpoint cannot be loaded;
   *     the deployment then goes on as it was
   */
  synchronized void update(DeploymentConfig next) {
    next.validate();
    if (next.getMaxQueuedRequests() != config.getMaxQueuedRequests()) {
      throw new IllegalArgumentException(
          "deployment "
              + name
              + ": maxQueuedRequests cannot "
              + "change while it runs; remove and deploy it again");
    }
    List<Replica> fresh = load(next, next.getNumReplicas());
    List<Replica> old = new ArrayList<>(replicas);
    this.config = next;
    this.adapter = HttpAdapters.byName(next.getHttpAdapter());
    replicas.addAll(fresh);
    fresh.forEach(Replica::start);
    replicas.removeAll(old);
    old.forEach(Replica::stop);
    LOG.info(
        "deployment {} now serves {} with {} replica(s)", name, next.getCheckpoint(), fresh.size());
  }

  /** Loads {@code count} replicas of {@code cfg}, warmed on the latest request if any. */
  private List<Replica> load(DeploymentConfig cfg, int count) {
    List<Replica> loaded = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Predictor predictor = PredictorLoader.load(cfg.getPredictor(), cfg.getCheckpoint());
        predictorClass = predictor.getClass().getName();
        inputColumns = predictor.inputColumns();
        Replica replica =
            new Replica(this, predictor, queue, allocator, cfg, started.incrementAndGet());
        loaded.add(replica);
        ColumnBatch warmUp = sample;
        if (warmUp != null) {
          replica.predictNow(warmUp);
        }
      }
      return loaded;
    } catch (RuntimeException e) {
      loaded.forEach(Replica::stopUnstarted);
      throw e;
    }
  }

  /**
   * Adds or removes a replica when the ongoing requests per replica stayed above or below the
   * target for the configured delay. Called a few times a second.
   */
  synchronized void autoscale(long nowMillis) {
    DeploymentConfig cfg = config;
    if (closed || cfg.getMinReplicas() == cfg.getMaxReplicas()) {
      return;
    }
    int count = replicas.size();
    double perReplica = (double) ongoing() / count;
    if (perReplica > cfg.getTargetOngoingRequests() && count < cfg.getMaxReplicas()) {
      belowSince = -1;
      aboveSince = aboveSince < 0 ? nowMillis : aboveSince;
      if (nowMillis - aboveSince >= cfg.getUpscaleDelayMs()) {
        Replica added = load(cfg, 1).get(0);
        replicas.add(added);
        added.start();
        aboveSince = -1;
        LOG.info(
            "deployment {}: {} ongoing requests per replica, scaled up to {}",
            name,
            perReplica,
            replicas.size());
      }
    } else if (perReplica < cfg.getTargetOngoingRequests() / 2 && count > cfg.getMinReplicas()) {
      aboveSince = -1;
      belowSince = belowSince < 0 ? nowMillis : belowSince;
      if (nowMillis - belowSince >= cfg.getDownscaleDelayMs()) {
        Replica removed = replicas.remove(replicas.size() - 1);
        removed.stop();
        belowSince = -1;
        LOG.info(
            "deployment {}: {} ongoing requests per replica, scaled down to {}",
            name,
            perReplica,
            replicas.size());
      }
    } else {
      aboveSince = -1;
      belowSince = -1;
    }
  }

  /** Requests queued or being predicted. */
  int ongoing() {
    return queue.size() + inFlight.get();
  }

  int queued() {
    return queue.size();
  }

  int replicaCount() {
    return replicas.size();
  }

  void taken(int requests) {
    inFlight.addAndGet(requests);
  }

  void done(int requests) {
    inFlight.addAndGet(-requests);
  }

  void batchPredicted(String replica, int requests, int rows) {
    metrics.batch(name, replica, requests, rows);
  }

  /** Keeps rows that predicted well, to warm replicas loaded later. */
  void sampled(ColumnBatch rows) {
    if (sample == null || sample.rowCount() > 1 && rows.rowCount() == 1) {
      sample = rows.rowCount() > 1 ? rows.slice(0, 1) : rows;
    }
  }

  /** Stops taking requests, answers those queued (for up to 30 s), then stops the replicas. */
  @Override
  public void close() {
    closed = true;
    long deadline = System.currentTimeMillis() + DRAIN_MS;
    while (ongoing() > 0 && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<Replica> all = new ArrayList<>(replicas);
    replicas.clear();
    all.forEach(Replica::stop);
    for (Replica r : all) {
      try {
        r.join(DRAIN_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    PendingRequest left;
    while ((left = queue.poll()) != null) {
      left.result.completeExceptionally(
          new IllegalStateException("deployment " + name + " was removed"));
    }
  }
}
