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
package io.sparkair.runtime;

import io.sparkair.runtime.actor.ActorFactory;
import io.sparkair.runtime.actor.ActorHost;
import io.sparkair.runtime.actor.ActorLocation;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.CallRouter;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.cluster.Head;
import io.sparkair.runtime.cluster.HostService;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.runtime.memory.Allocators;
import io.sparkair.runtime.store.BlockFetcher;
import io.sparkair.runtime.store.BlockFlightService;
import io.sparkair.runtime.store.ObjectStore;
import io.sparkair.runtime.transport.CallTarget;
import io.sparkair.runtime.transport.Peer;
import io.sparkair.runtime.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actor runtime of one JVM: it hosts actors, holds an object store of Arrow blocks, and serves
 * both (actor calls and Arrow Flight) on one authenticated gRPC port. One runtime, the head (on the
 * Spark driver), also keeps the cluster directory and places actors.
 *
 * <pre>{@code
 * AirRuntime head = AirRuntime.start(RuntimeConfig.forNode("driver", secret));
 * ActorRef<Counter> c = head.spawn(Counter::new, SpawnOptions.defaults().name("counter"));
 * c.call(Counter::add, 1L).join();
 * }</pre>
 *
 * <p>The class is long because it is the runtime's lifecycle and its small public API (spawn, call
 * routing, blocks) over the store, the transport and the head, each of which lives in its own
 * package.
 */
public final class AirRuntime implements CallRouter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AirRuntime.class);
  private static final Set<AirRuntime> RUNNING = ConcurrentHashMap.newKeySet();

  private final RuntimeConfig config;
  private final BufferAllocator allocator;
  private final ObjectStore store;
  private final ActorHost host;
  private final ExecutorService flightExecutor;
  private final Transport transport;
  private final BlockFetcher fetcher;
  private final ActorRef<Head> headRef;
  private final Head head;
  private final Set<String> lostAddresses = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private AirRuntime(RuntimeConfig config) {
    this.config = config;
    this.allocator = Allocators.child("air-runtime-" + config.nodeId());
    Allocators.keepFreedMemory(config.storeBudgetBytes());
    this.store =
        new ObjectStore(config.nodeId(), allocator, config.storeBudgetBytes(), config.spillDir());
    this.host = new ActorHost(config.nodeId(), config.classLoader());
    AtomicInteger flightThreads = new AtomicInteger();
    this.flightExecutor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "air-flight-" + flightThreads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      this.transport =
          new Transport(
              config.host(),
              config.host(),
              config.port(),
              config.callPort(),
              config.secret(),
              config.maxMessageBytes(),
              host,
              List.of(BlockFlightService.create(store, flightExecutor)),
              this::peerLost);
    } catch (RuntimeException e) {
      flightExecutor.shutdownNow();
      store.close();
      allocator.close();
      throw e;
    }
    this.fetcher = new BlockFetcher(store, transport::channel);
    host.host(
        HostService.ID,
        "host@" + config.nodeId(),
        new HostService(config.nodeId(), host, transport.serializer(), store, fetcher));
    if (config.isHead()) {
      this.head = new Head(this, config.spawnTimeoutMs());
      host.host(Head.ID, "head", head);
      this.headRef =
          new ActorRef<>(
              Head.ID, "head", new ActorLocation(config.nodeId(), transport.address()), this);
    } else {
      this.head = null;
      this.headRef =
          new ActorRef<>(Head.ID, "head", new ActorLocation("head", config.headAddress()), this);
    }
  }

  /**
   * Starts a runtime. The first runtime started in a JVM becomes the one that deserialized {@link
   * ActorRef}s use.
   */
  public static AirRuntime start(RuntimeConfig config) {
    Objects.requireNonNull(config, "config");
    AirRuntime runtime = new AirRuntime(config);
    RUNNING.add(runtime);
    CallRouter.installDefault(runtime);
    try {
      if (config.hostsActors() && (config.isHead() || config.registerWithHead())) {
        runtime.register(runtime.nodeInfo());
      }
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    LOG.info(
        "Spark AIR runtime {} started at {}{}",
        config.nodeId(),
        runtime.address(),
        config.isHead() ? " (head)" : ", head " + config.headAddress());
    return runtime;
  }

  /** The runtime this JVM's deserialized actor refs use. */
  public static AirRuntime current() {
    CallRouter router = CallRouter.current();
    if (router instanceof AirRuntime runtime) {
      return runtime;
    }
    throw new IllegalStateException("no Spark AIR runtime runs in this JVM");
  }

  /** The runtimes running in this JVM (one, except in tests). */
  public static Set<AirRuntime> running() {
    return Set.copyOf(RUNNING);
  }

  /** This runtime's node id. */
  public String nodeId() {
    return config.nodeId();
  }

  /** The address other runtimes reach this one at, host:port. */
  public String address() {
    return transport.address();
  }

  /** This runtime's configuration. */
  public RuntimeConfig config() {
    return config;
  }

  /** What this runtime offers, as it registers with the head. */
  public NodeInfo nodeInfo() {
    return new NodeInfo(
        config.nodeId(),
        address(),
        config.cpus(),
        config.gpus(),
        config.storeBudgetBytes(),
        ProcessHandle.current().pid());
  }

  /** The object store of this JVM. */
  public ObjectStore store() {
    return store;
  }

  /** Reads blocks held by other runtimes. */
  public BlockFetcher fetcher() {
    return fetcher;
  }

  /** True if this runtime keeps the cluster directory. */
  public boolean isHead() {
    return head != null;
  }

  /** A handle to the head's directory actor. */
  @Internal
  public ActorRef<Head> head() {
    return headRef;
  }

  /** Adds a node to the cluster directory. */
  @Internal
  public void register(NodeInfo node) {
    NodeInfo info = Objects.requireNonNull(node, "node");
    await(
        headRef.call(
            h -> {
              h.register(info);
              return null;
            }),
        "registering node " + info.nodeId());
  }

  /** The live nodes of the cluster. */
  public List<NodeInfo> nodes() {
    return await(headRef.call(Head::nodes), "listing nodes");
  }

  /**
   * Waits until the live nodes satisfy {@code condition}, woken by each registration.
   *
   * @return the live nodes that did
   * @throws IllegalStateException if this is not the head's runtime
   * @throws TimeoutException if they do not within {@code timeout}
   */
  public List<NodeInfo> awaitNodes(Predicate<List<NodeInfo>> condition, Duration timeout)
      throws TimeoutException {
    if (head == null) {
      throw new IllegalStateException("only the head's runtime can wait for nodes");
    }
    CompletableFuture<List<NodeInfo>> nodes = headRef.callAsync(h -> h.whenNodes(condition));
    try {
      return nodes.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for nodes", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for nodes failed", e.getCause());
    } finally {
      nodes.cancel(false);
    }
  }

  /**
   * Creates an actor on a node chosen by the head.
   *
   * @param factory creates the actor's instance on its node (and again on each restart)
   * @param options resources, placement, name and restarts
   * @throws IllegalArgumentException if no node could ever satisfy the resources or placement
   * @throws IllegalStateException if no node has the resources free now
   */
  public <A> ActorRef<A> spawn(ActorFactory<A> factory, SpawnOptions options) {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(options, "options");
    byte[] bytes = transport.serializer().serialize(factory);
    Head.Placed placed = await(headRef.call(h -> h.spawn(bytes, options)), "spawning an actor");
    return new ActorRef<>(placed.id(), placed.name(), placed.location(), this);
  }

  /**
   * Finds a live actor by name.
   *
   * @throws io.sparkair.runtime.actor.ActorNotFoundException if none has the name
   */
  public <A> ActorRef<A> actor(String name) {
    Objects.requireNonNull(name, "name");
    Head.Placed placed = await(headRef.call(Head::lookup, name), "looking up " + name);
    return new ActorRef<>(placed.id(), placed.name(), placed.location(), this);
  }

  /**
   * Hosts an existing object as a named actor on this runtime, outside placement: it holds no
   * resources and is never restarted. For services that must live in a given JVM.
   */
  @Internal
  public <A> ActorRef<A> hostHere(String name, A instance) {
    Objects.requireNonNull(instance, "instance");
    ActorLocation here = new ActorLocation(nodeId(), address());
    long id = await(headRef.call(h -> h.adopt(name, here)), "registering " + name);
    host.host(id, name, instance);
    return new ActorRef<>(id, name, here, this);
  }

  /** Tells the head that a node is gone; its actors restart elsewhere while they may. */
  @Internal
  public void nodeLost(String nodeId, String reason) {
    headRef.tell(
        h -> {
          h.nodeLost(nodeId, reason);
          return null;
        });
  }

  /** Counts of this runtime's actors and blocks. */
  public RuntimeStats stats() {
    return new RuntimeStats(
        config.nodeId(), Math.max(0, host.size() - (isHead() ? 2 : 1)), store.stats());
  }

  /**
   * Delivers a call. A user actor whose node's connection broke is looked up at the head first,
   * since it may have been restarted elsewhere; system actors (the host service, the head) live at
   * their node's address by definition and are never looked up, or the head would wait on itself.
   */
  @Override
  @Internal
  public void route(ActorRef<?> ref, Object fn, Object arg, CompletableFuture<Object> result) {
    if (closed) {
      throw new IllegalStateException("the Spark AIR runtime " + nodeId() + " is closed");
    }
    ActorLocation location = ref.location();
    boolean systemActor = ref.id() <= Head.ID;
    if (!systemActor && lostAddresses.contains(location.address())) {
      headRef
          .call(Head::locate, ref.id())
          .whenComplete(
              (found, error) -> {
                if (error != null) {
                  if (result != null) {
                    result.completeExceptionally(unwrap(error));
                  }
                  return;
                }
                if (found.address().equals(location.address())) {
                  lostAddresses.remove(location.address());
                } else {
                  ref.relocate(found);
                }
                try {
                  deliver(ref, ref.location(), fn, arg, result);
                } catch (RuntimeException e) {
                  if (result != null) {
                    result.completeExceptionally(e);
                  }
                }
              });
      return;
    }
    deliver(ref, location, fn, arg, result);
  }

  private void deliver(
      ActorRef<?> ref,
      ActorLocation location,
      Object fn,
      Object arg,
      CompletableFuture<Object> result) {
    if (location.address().equals(transport.address())) {
      if (!host.deliverLocal(ref.id(), fn, arg, result) && result != null) {
        result.completeExceptionally(
            new io.sparkair.runtime.actor.ActorDiedException(
                ref.describe(),
                nodeId(),
                "it is not hosted here (killed, or restarted elsewhere)"));
      }
      return;
    }
    Peer peer = transport.peer(location.address());
    peer.send(new CallTarget(ref.id(), ref.describe(), location.node()), fn, arg, result);
  }

  @Override
  public void kill(ActorRef<?> ref) {
    long id = ref.id();
    if (id <= Head.ID) {
      throw new IllegalArgumentException("system actor " + ref.describe() + " cannot be killed");
    }
    await(
        headRef.call(
            h -> {
              h.kill(id);
              return null;
            }),
        "killing " + ref.describe());
  }

  private void peerLost(Peer peer) {
    addressLost(peer.address());
  }

  /** A stream to {@code address} broke: its actors may have moved; the head checks the node. */
  void addressLost(String address) {
    lostAddresses.add(address);
    if (head != null && !closed) {
      headRef.tell(
          h -> {
            for (NodeInfo n : h.nodes()) {
              if (n.address().equals(address)) {
                h.check(n.nodeId());
              }
            }
            return null;
          });
    }
  }

  private <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.get(config.spawnTimeoutMs() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out while " + what, e);
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  private static RuntimeException unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException re ? re : new CompletionException(cause);
  }

  /** Stops every actor, frees every block, closes the port and all threads. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RUNNING.remove(this);
    CallRouter.uninstallDefault(this);
    host.shutdown("the runtime of " + nodeId() + " shut down");
    transport.close();
    flightExecutor.shutdownNow();
    store.close();
    allocator.close();
    LOG.info("Spark AIR runtime {} stopped", nodeId());
  }
}
