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
package io.sparkair.plugin;

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.spark.AirSettings;
import io.sparkair.spark.SparkShim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag$;

/**
 * Spark task slots for actors: how many the cluster has and can have, and leases that hold some
 * with a background Spark job whose tasks keep their slots busy ({@link HoldSlots}) until the lease
 * ends.
 */
final class SlotLeasing {
  private static final Logger LOG = LoggerFactory.getLogger(SlotLeasing.class);

  private final SparkContext sc;
  private final AirSettings settings;
  private final AirRuntime runtime;
  private final ActorRef<SlotLeaseService> slots;
  private final Executor jobs;

  SlotLeasing(
      SparkContext sc,
      AirSettings settings,
      AirRuntime runtime,
      ActorRef<SlotLeaseService> slots,
      Executor jobs) {
    this.sc = sc;
    this.settings = settings;
    this.runtime = runtime;
    this.slots = slots;
    this.jobs = jobs;
  }

  /** Spark task slots of {@code nodes} (cores / spark.task.cpus). */
  int slotsOf(List<NodeInfo> nodes) {
    return nodes.stream().mapToInt(NodeInfo::cpus).sum() / sc.conf().getInt("spark.task.cpus", 1);
  }

  /** Spark task slots of the registered executors. */
  int total() {
    return slotsOf(runtime.nodes());
  }

  /** See {@link Air#maxSlots()}. */
  int max() {
    int requested =
        dynamicAllocation()
            ? sc.conf().getInt("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE)
            : sc.conf().getInt("spark.executor.instances", 0);
    int perExecutor =
        sc.conf().getInt("spark.executor.cores", 1) / sc.conf().getInt("spark.task.cpus", 1);
    return (int) Math.max(total(), Math.min(Integer.MAX_VALUE, (long) requested * perExecutor));
  }

  /** Slots held by leases that have not ended. */
  int held() {
    return slots.call(SlotLeaseService::held).join();
  }

  /** Waits until the registered executors have {@code count} slots, woken by registrations. */
  void await(int count, Duration timeout) {
    try {
      runtime.awaitNodes(nodes -> slotsOf(nodes) >= count, timeout);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the cluster has "
              + total()
              + " Spark task slots,"
              + " fewer than the "
              + count
              + " needed, after waiting "
              + timeout);
    }
  }

  /**
   * True when Spark adds and removes executors by load. Spark refuses barrier jobs then, so slots
   * are held by a plain job whose pending tasks also make Spark add executors.
   */
  private boolean dynamicAllocation() {
    return !sc.isLocal() && sc.conf().getBoolean("spark.dynamicAllocation.enabled", false);
  }

  /** See {@link Air#reserveSlots}. */
  SlotLease reserve(int count, String purpose) {
    int total = max();
    if (count > total) {
      throw new IllegalArgumentException(
          purpose
              + " asks for "
              + count
              + " Spark task slots but the cluster has at most "
              + total);
    }
    String id = UUID.randomUUID().toString();
    CompletableFuture<List<String>> granted = new CompletableFuture<>();
    slots
        .call(
            s -> {
              s.open(id, count, granted);
              return null;
            })
        .join();
    String group = "spark-air-" + id;
    boolean dynamic = dynamicAllocation();
    HoldSlots hold = new HoldSlots(settings, id);
    CompletableFuture.runAsync(
            () -> {
              sc.setJobGroup(
                  group, "Spark AIR: " + purpose + " holds " + count + " task slots", true);
              try {
                List<Integer> indices = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                  indices.add(i);
                }
                RDD<Integer> tasks =
                    sc.parallelize(
                        SparkShim.seq(indices), count, ClassTag$.MODULE$.apply(Integer.class));
                if (dynamic) {
                  tasks.mapPartitions(hold, false, ClassTag$.MODULE$.apply(String.class)).collect();
                } else {
                  tasks
                      .barrier()
                      .mapPartitions(hold, false, ClassTag$.MODULE$.apply(String.class))
                      .collect();
                }
              } finally {
                sc.clearJobGroup();
              }
            },
            jobs)
        .whenComplete(
            (done, failure) ->
                granted.completeExceptionally(
                    new IllegalStateException(
                        "the Spark job holding slots for "
                            + purpose
                            + " ended before all "
                            + count
                            + " slots were held: "
                            + (failure == null ? "it ended" : failure.toString()),
                        failure)));
    long timeoutMs = TimeUnit.SECONDS.toMillis(sc.conf().getLong(AirSettings.SLOT_TIMEOUT, 60));
    try {
      List<String> executors = granted.get(timeoutMs, TimeUnit.MILLISECONDS);
      LOG.info("{}: holding {} Spark task slots on {}", purpose, count, executors);
      return new SlotLease(id, executors, slots);
    } catch (TimeoutException e) {
      sc.cancelJobGroup(group);
      int got = slots.call(s -> s.granted(id)).join().size();
      throw new IllegalStateException(
          purpose
              + " got "
              + got
              + " of "
              + count
              + " Spark task slots within "
              + timeoutMs / 1000
              + " s; the cluster has "
              + total
              + " slots and other jobs hold the rest ("
              + AirSettings.SLOT_TIMEOUT
              + ")");
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sc.cancelJobGroup(group);
      throw new IllegalStateException(purpose + " was interrupted while waiting for slots", e);
    }
  }
}
