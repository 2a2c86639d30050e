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
package io.sparkair.runtime.cluster;

import io.sparkair.runtime.actor.ActorDiedException;
import io.sparkair.runtime.actor.ActorLocation;
import io.sparkair.runtime.actor.ActorNotFoundException;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.CallRouter;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.store.BlockId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster directory, run as a system actor on the driver's runtime under id {@link #ID}: which
 * nodes are alive and what they offer, where each actor lives, and placement. Its methods run one
 * at a time in its mailbox, so its state needs no locks.
 *
 * <p>The class is long because it is the one directory actor of the cluster (nodes, named actors,
 * placement, liveness) and its state changes under one lock, which is simpler to check kept
 * together.
 */
public final class Head {
  /** The well-known actor id of the head. */
  public static final long ID = 1;

  private static final Logger LOG = LoggerFactory.getLogger(Head.class);
  private static final long FIRST_USER_ID = 1000;

  private final CallRouter router;
  private final long spawnTimeoutMs;
  private final Map<String, NodeState> nodes = new LinkedHashMap<>();
  private final List<NodeWaiter> waiters = new ArrayList<>();
  private final Map<Long, ActorRecord> actors = new HashMap<>();
  private final Map<String, Long> names = new HashMap<>();
  private long nextId = FIRST_USER_ID;

  private static final class NodeState {
    final NodeInfo info;
    double usedCpus;
    int usedGpus;
    int actors;
    boolean alive = true;

    NodeState(NodeInfo info) {
      this.info = info;
    }

    double freeCpus() {
      return info.cpus() - usedCpus;
    }

    int freeGpus() {
      return info.gpus() - usedGpus;
    }
  }

  private static final class ActorRecord {
    final long id;
    final String name;
    final byte[] factory;
    final SpawnOptions options;
    String node;
    ActorLocation location;
    int restartsLeft;

    ActorRecord(long id, String name, byte[] factory, SpawnOptions options) {
      this.id = id;
      this.name = name;
      this.factory = factory;
      this.options = options;
      this.restartsLeft = options.maxRestarts();
    }

    String describe() {
      return name != null ? name : "#" + id;
    }
  }

  /**
   * @param router routes the head's calls to the nodes' host services
   * @param spawnTimeoutMs how long an actor's creation may take
   */
  public Head(CallRouter router, long spawnTimeoutMs) {
    this.router = router;
    this.spawnTimeoutMs = spawnTimeoutMs;
  }

  /** Adds or replaces a node. */
  public void register(NodeInfo info) {
    NodeState old = nodes.get(info.nodeId());
    if (old != null && old.alive && !old.info.address().equals(info.address())) {
      nodeLost(info.nodeId(), "re-registered at " + info.address());
    }
    nodes.put(info.nodeId(), new NodeState(info));
    LOG.info(
        "node {} registered at {} ({} cpus, {} gpus, pid {})",
        info.nodeId(),
        info.address(),
        info.cpus(),
        info.gpus(),
        info.pid());
    wakeWaiters();
  }

  /** The live nodes. */
  public List<NodeInfo> nodes() {
    return nodes.values().stream()
        .filter(n -> n.alive)
        .map(n -> n.info)
        .collect(Collectors.toList());
  }

  /**
   * A future of the live nodes, completed as soon as they satisfy {@code condition}: at once if
   * they do now, otherwise when a node registers and they then do. Call it in the head's JVM (the
   * future is not sent anywhere).
   */
  public CompletableFuture<List<NodeInfo>> whenNodes(Predicate<List<NodeInfo>> condition) {
    NodeWaiter waiter = new NodeWaiter(condition);
    if (!waiter.check(nodes())) {
      waiters.add(waiter);
    }
    return waiter.future;
  }

  private void wakeWaiters() {
    List<NodeInfo> live = nodes();
    waiters.removeIf(w -> w.future.isDone() || w.check(live));
  }

  /** A condition on the live nodes and the future it completes. */
  private static final class NodeWaiter {
    final Predicate<List<NodeInfo>> condition;
    final CompletableFuture<List<NodeInfo>> future = new CompletableFuture<>();

    NodeWaiter(Predicate<List<NodeInfo>> condition) {
      this.condition = condition;
    }

    boolean check(List<NodeInfo> live) {
      return condition.test(live) && future.complete(live);
    }
  }

  /**
   * Places and creates an actor.
   *
   * @param factory the serialized {@code ActorFactory}
   * @param options resources, placement, name, restarts
   * @return the new actor's id and location
   */
  public Placed spawn(byte[] factory, SpawnOptions options) {
    if (options.name() != null && names.containsKey(options.name())) {
      throw new IllegalArgumentException("an actor named '" + options.name() + "' already exists");
    }
    ActorRecord record = new ActorRecord(nextId++, options.name(), factory, options);
    NodeState node = place(options, null);
    start(record, node);
    actors.put(record.id, record);
    if (record.name != null) {
      names.put(record.name, record.id);
    }
    return new Placed(record.id, record.name, record.location);
  }

  /**
   * Registers an actor its runtime already hosts, outside placement (the driver's services). It
   * holds no resources and is not restarted.
   *
   * @param name its name
   * @param location the runtime hosting it
   * @return its new id
   */
  public long adopt(String name, ActorLocation location) {
    if (names.containsKey(name)) {
      throw new IllegalArgumentException("an actor named '" + name + "' already exists");
    }
    ActorRecord record = new ActorRecord(nextId++, name, null, SpawnOptions.defaults().name(name));
    record.node = location.node();
    record.location = location;
    actors.put(record.id, record);
    names.put(name, record.id);
    return record.id;
  }

  /**
   * An actor's id, name and location.
   *
   * @param id the actor id
   * @param name its name, or null
   * @param location where it lives
   */
  public record Placed(long id, String name, ActorLocation location)
      implements java.io.Serializable {}

  /** Finds a live actor by name. */
  public Placed lookup(String name) {
    Long id = names.get(name);
    if (id == null) {
      throw new ActorNotFoundException("'" + name + "'");
    }
    ActorRecord r = actors.get(id);
    return new Placed(r.id, r.name, r.location);
  }

  /** Where an actor lives now; fails if it died for good. */
  public ActorLocation locate(long id) {
    ActorRecord r = actors.get(id);
    if (r == null) {
      throw new ActorDiedException("#" + id, "?", "it was killed or ran out of restarts");
    }
    return r.location;
  }

  /** Stops an actor for good. */
  public void kill(long id) {
    ActorRecord r = actors.remove(id);
    if (r == null) {
      return;
    }
    forget(r);
    NodeState node = nodes.get(r.node);
    if (r.factory != null) {
      release(node, r);
    }
    if (node == null || node.alive) {
      try {
        hostOn(r.location)
            .call(h -> h.kill(id, "it was killed"))
            .get(spawnTimeoutMs, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warn("could not reach {} to kill actor {}", r.node, r.describe(), e);
      }
    }
  }

  /** Checks a node whose connection broke; declares it lost if it does not answer. */
  public void check(String nodeId) {
    NodeState node = nodes.get(nodeId);
    if (node == null || !node.alive) {
      return;
    }
    try {
      hostOn(location(node)).call(HostService::ping).get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      nodeLost(nodeId, "it stopped answering (" + e + ")");
    }
  }

  /** Marks a node dead and restarts its actors elsewhere while they have restarts left. */
  public void nodeLost(String nodeId, String reason) {
    NodeState node = nodes.get(nodeId);
    if (node == null || !node.alive) {
      return;
    }
    node.alive = false;
    LOG.warn("node {} lost: {}", nodeId, reason);
    List<ActorRecord> orphans = new ArrayList<>();
    for (ActorRecord r : actors.values()) {
      if (nodeId.equals(r.node)) {
        orphans.add(r);
      }
    }
    for (ActorRecord r : orphans) {
      if (r.restartsLeft <= 0 || r.factory == null) {
        actors.remove(r.id);
        forget(r);
        LOG.warn("actor {} died with node {} and has no restarts left", r.describe(), nodeId);
        continue;
      }
      r.restartsLeft--;
      try {
        NodeState target = place(r.options.onNodeCleared(), nodeId);
        start(r, target);
        LOG.info(
            "actor {} restarted on {} ({} restarts left)",
            r.describe(),
            target.info.nodeId(),
            r.restartsLeft);
      } catch (RuntimeException e) {
        actors.remove(r.id);
        forget(r);
        LOG.error("actor {} could not be restarted after losing {}", r.describe(), nodeId, e);
      }
    }
  }

  private void forget(ActorRecord r) {
    if (r.name != null) {
      names.remove(r.name, r.id);
    }
  }

  private void start(ActorRecord r, NodeState node) {
    node.usedCpus += r.options.cpus();
    node.usedGpus += r.options.gpus();
    node.actors++;
    r.node = node.info.nodeId();
    r.location = location(node);
    String description = r.describe();
    byte[] factory = r.factory;
    long id = r.id;
    try {
      hostOn(r.location)
          .call(
              h -> {
                h.spawn(id, description, factory);
                return null;
              })
          .get(spawnTimeoutMs, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      release(node, r);
      throw unwrap(e, r, node);
    }
  }

  private static RuntimeException unwrap(Exception e, ActorRecord r, NodeState node) {
    Throwable cause = e;
    while ((cause instanceof CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TimeoutException) {
      return new IllegalStateException(
          "actor "
              + r.describe()
              + " did not start on "
              + node.info.nodeId()
              + " within "
              + e.getMessage(),
          cause);
    }
    if (cause instanceof RuntimeException re) {
      return re;
    }
    return new IllegalStateException(
        "actor " + r.describe() + " failed to start on " + node.info.nodeId() + ": " + cause,
        cause);
  }

  private void release(NodeState node, ActorRecord r) {
    if (node != null) {
      node.usedCpus -= r.options.cpus();
      node.usedGpus -= r.options.gpus();
      node.actors--;
    }
  }

  private ActorRef<HostService> hostOn(ActorLocation location) {
    return new ActorRef<>(HostService.ID, "host@" + location.node(), location, router);
  }

  private static ActorLocation location(NodeState node) {
    return new ActorLocation(node.info.nodeId(), node.info.address());
  }

  private NodeState place(SpawnOptions o, String excluded) {
    List<NodeState> live =
        nodes.values().stream()
            .filter(n -> n.alive && !n.info.nodeId().equals(excluded))
            .collect(Collectors.toList());
    if (live.isEmpty()) {
      throw new IllegalStateException(
          "no live node can host an actor (registered: " + nodes.keySet() + ")");
    }
    int maxCpus = live.stream().mapToInt(n -> n.info.cpus()).max().orElse(0);
    int maxGpus = live.stream().mapToInt(n -> n.info.gpus()).max().orElse(0);
    if (o.cpus() > maxCpus) {
      throw new IllegalArgumentException(
          "the actor asks for " + o.cpus() + " CPUs but the largest node has " + maxCpus);
    }
    if (o.gpus() > maxGpus) {
      throw new IllegalArgumentException(
          "the actor asks for " + o.gpus() + " GPUs but the largest node has " + maxGpus);
    }
    if (o.node() != null) {
      NodeState n = nodes.get(o.node());
      if (n == null || !n.alive) {
        throw new IllegalArgumentException(
            "no live node '"
                + o.node()
                + "' (live: "
                + live.stream().map(x -> x.info.nodeId()).collect(Collectors.toList())
                + ")");
      }
      requireFree(n, o);
      return n;
    }
    List<NodeState> fits =
        live.stream()
            .filter(n -> n.freeCpus() + 1e-9 >= o.cpus() && n.freeGpus() >= o.gpus())
            .collect(Collectors.toList());
    if (fits.isEmpty()) {
      throw new IllegalStateException(
          "no node has "
              + o.cpus()
              + " free CPUs and "
              + o.gpus()
              + " free GPUs now (free CPUs: "
              + live.stream().collect(Collectors.toMap(n -> n.info.nodeId(), NodeState::freeCpus))
              + ")");
    }
    Map<String, Long> blocksPerNode =
        o.nearBlocks().stream()
            .collect(Collectors.groupingBy(BlockId::node, Collectors.counting()));
    return fits.stream()
        .min(
            Comparator.comparingLong(
                    (NodeState n) -> -blocksPerNode.getOrDefault(n.info.nodeId(), 0L))
                .thenComparingInt(n -> n.actors)
                .thenComparingDouble(n -> -n.freeCpus()))
        .orElseThrow();
  }

  private static void requireFree(NodeState n, SpawnOptions o) {
    if (n.freeCpus() + 1e-9 < o.cpus() || n.freeGpus() < o.gpus()) {
      throw new IllegalStateException(
          "node "
              + n.info.nodeId()
              + " has "
              + n.freeCpus()
              + " free CPUs and "
              + n.freeGpus()
              + " free GPUs; the actor asks for "
              + o.cpus()
              + " and "
              + o.gpus());
    }
  }
}
