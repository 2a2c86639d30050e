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

import io.sparkair.plugin.ActorGroup;
import io.sparkair.plugin.Air;
import io.sparkair.runtime.actor.SpawnOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker groups kept between training runs (a Tuner's {@code reuseActors}). A run of {@link
 * Trainer} given these groups takes an idle group of its shape (worker count, CPUs and GPU per
 * worker) instead of starting one, and gives it back when its attempt succeeds; a group whose
 * attempt failed is stopped. Idle groups keep their Spark task slots, so a run that must start a
 * group stops the idle ones first, and so does a run with a preprocessor, whose Spark jobs need
 * free slots. {@link #close()} stops every group.
 */
public final class WorkerGroups implements AutoCloseable {
  private final Map<String, Deque<ActorGroup<TrainWorker>>> idle = new HashMap<>();
  private int started;
  private int reused;
  private boolean closed;

  /** Empty: groups are added as runs end. */
  public WorkerGroups() {}

  /** An idle group of the shape {@code scaling} asks for, or a new one. */
  ActorGroup<TrainWorker> take(Air air, ScalingConfig scaling) {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("these worker groups are closed");
      }
      Deque<ActorGroup<TrainWorker>> same = idle.get(key(scaling));
      if (same != null && !same.isEmpty()) {
        reused++;
        return same.pop();
      }
      started++;
    }
    stopIdle();
    return air.spawnGroup(
        scaling.numWorkers(),
        rank -> new TrainWorker(),
        SpawnOptions.defaults().cpus(scaling.cpusPerWorker()).gpus(scaling.useGpu() ? 1 : 0));
  }

  /** Keeps {@code group}, whose attempt succeeded, for a later run of the same shape. */
  void giveBack(ScalingConfig scaling, ActorGroup<TrainWorker> group) {
    synchronized (this) {
      if (!closed) {
        idle.computeIfAbsent(key(scaling), k -> new ArrayDeque<>()).push(group);
        return;
      }
    }
    group.close();
  }

  /** Stops the idle groups, giving their Spark task slots back. */
  public void stopIdle() {
    List<ActorGroup<TrainWorker>> stopping = new ArrayList<>();
    synchronized (this) {
      idle.values().forEach(stopping::addAll);
      idle.clear();
    }
    stopping.forEach(ActorGroup::close);
  }

  /** How many groups runs started. */
  public synchronized int started() {
    return started;
  }

  /** How many times a run took an idle group instead of starting one. */
  public synchronized int reused() {
    return reused;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    stopIdle();
  }

  private static String key(ScalingConfig scaling) {
    return scaling.numWorkers() + "x" + scaling.cpusPerWorker() + (scaling.useGpu() ? "g" : "");
  }
}
