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
package io.sparkair.runtime.actor;

import io.sparkair.runtime.store.BlockId;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How and where to start an actor: resources, placement, name and restarts. Immutable; each setter
 * returns a new instance.
 *
 * <pre>{@code
 * SpawnOptions.defaults().name("trainer-0").cpus(1).onNode("1").maxRestarts(2)
 * }</pre>
 */
public final class SpawnOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The actor's name, or null. */
  private final String name;

  /** Reserved CPU cores. */
  private final double cpus;

  /** Reserved GPUs. */
  private final int gpus;

  /** The requested node, or null for any. */
  private final String node;

  /** Blocks the actor should be placed near. */
  private final List<BlockId> nearBlocks;

  /** How many times the actor is re-created when its node dies. */
  private final int maxRestarts;

  private SpawnOptions(
      String name, double cpus, int gpus, String node, List<BlockId> nearBlocks, int maxRestarts) {
    this.name = name;
    this.cpus = cpus;
    this.gpus = gpus;
    this.node = node;
    this.nearBlocks = nearBlocks;
    this.maxRestarts = maxRestarts;
  }

  /** No name, no reserved resources, placed anywhere, never restarted. */
  public static SpawnOptions defaults() {
    return new SpawnOptions(null, 0, 0, null, List.of(), 0);
  }

  /** A cluster-unique name under which the actor can be looked up. */
  public SpawnOptions name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("actor name must not be blank: '" + name + "'");
    }
    return new SpawnOptions(name, cpus, gpus, node, nearBlocks, maxRestarts);
  }

  /** CPU cores the actor holds while it lives (may be fractional; 0 holds none). */
  public SpawnOptions cpus(double cpus) {
    if (!(cpus >= 0) || Double.isInfinite(cpus)) {
      throw new IllegalArgumentException("cpus must be a finite number >= 0, got " + cpus);
    }
    return new SpawnOptions(name, cpus, gpus, node, nearBlocks, maxRestarts);
  }

  /** GPUs the actor holds while it lives. */
  public SpawnOptions gpus(int gpus) {
    if (gpus < 0) {
      throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
    }
    return new SpawnOptions(name, cpus, gpus, node, nearBlocks, maxRestarts);
  }

  /** Places the actor on this node (an executor id, or "driver"). */
  public SpawnOptions onNode(String node) {
    Objects.requireNonNull(node, "node");
    return new SpawnOptions(name, cpus, gpus, node, nearBlocks, maxRestarts);
  }

  /** The same options without a fixed node: used to restart an actor elsewhere. */
  public SpawnOptions onNodeCleared() {
    return new SpawnOptions(name, cpus, gpus, null, nearBlocks, maxRestarts);
  }

  /** Places the actor on the node that holds most of these blocks. */
  public SpawnOptions nearBlocks(List<BlockId> blocks) {
    return new SpawnOptions(name, cpus, gpus, node, List.copyOf(blocks), maxRestarts);
  }

  /** How many times the actor is re-created, on another node, when its node dies. */
  public SpawnOptions maxRestarts(int maxRestarts) {
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("maxRestarts must be >= 0, got " + maxRestarts);
    }
    return new SpawnOptions(name, cpus, gpus, node, nearBlocks, maxRestarts);
  }

  /** The actor's name, or null. */
  public String name() {
    return name;
  }

  /** Reserved CPU cores. */
  public double cpus() {
    return cpus;
  }

  /** Reserved GPUs. */
  public int gpus() {
    return gpus;
  }

  /** The requested node, or null for any. */
  public String node() {
    return node;
  }

  /** Blocks the actor should be placed near; empty for no preference. */
  public List<BlockId> nearBlocks() {
    return nearBlocks;
  }

  /** Restarts left when the actor is spawned. */
  public int maxRestarts() {
    return maxRestarts;
  }

  @Override
  public String toString() {
    return "SpawnOptions{name="
        + name
        + ", cpus="
        + cpus
        + ", gpus="
        + gpus
        + ", node="
        + node
        + ", nearBlocks="
        + nearBlocks.size()
        + ", maxRestarts="
        + maxRestarts
        + "}";
  }
}
