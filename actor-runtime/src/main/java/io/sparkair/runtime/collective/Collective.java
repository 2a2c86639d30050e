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
package io.sparkair.runtime.collective;

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.Internal;
import io.sparkair.runtime.actor.ActorCall;
import io.sparkair.runtime.actor.ActorRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's handle on its group's collectives (as {@code torch.distributed} or Ray's collective
 * library give them): {@link #allReduce}, {@link #broadcast} and {@link #barrier}. Every worker of
 * the group must make the same calls in the same order, with arrays of one length; each call blocks
 * until the group has done its part, and every worker ends with the same bits.
 *
 * <p>The workers connect to each other once, at the first call, with one TCP stream per pair, and
 * the values go straight from worker to worker as raw numbers. An all-reduce of up to 64 KiB swaps
 * whole arrays by recursive doubling (log2(P) steps); a larger one runs the ring algorithm, which
 * moves 2(P-1)/P of the array per worker whatever P is.
 *
 * <p>When a worker dies or leaves while the others still call, every worker's call fails at once
 * with a {@link CollectiveException} naming it, and so do all later calls.
 */
public final class Collective implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Collective.class);

  /** The size from which an all-reduce takes the ring instead of recursive doubling. */
  static final int RING_MIN_BYTES = 1 << 16;

  private static final long GROUP_TIMEOUT_SECONDS = 30;
  private static final long JOIN_POLL_MILLIS = 500;

  private final ActorRef<CollectiveGroup> group;
  private final int rank;
  private final int worldSize;
  private Link[] links;
  private Exchange exchange;
  private long calls;
  private CollectiveException failed;
  private ReentrantLock released;
  private boolean closed;

  private Collective(ActorRef<CollectiveGroup> group, int rank, int worldSize) {
    this.group = Objects.requireNonNull(group, "group");
    if (worldSize < 1 || rank < 0 || rank >= worldSize) {
      throw new IllegalArgumentException(
          "rank " + rank + " is not in a group of " + worldSize + " workers");
    }
    this.rank = rank;
    this.worldSize = worldSize;
  }

  /**
   * The handle of the worker of rank {@code rank} in {@code group}, a group of {@code worldSize}
   * workers. It connects to its peers at its first call, from a JVM that runs a Spark AIR runtime.
   */
  public static Collective of(ActorRef<CollectiveGroup> group, int rank, int worldSize) {
    return new Collective(group, rank, worldSize);
  }

  /** This worker's rank, from 0. */
  public int rank() {
    return rank;
  }

  /** The number of workers in the group. */
  public int worldSize() {
    return worldSize;
  }

  /**
   * Replaces {@code values} by the element-wise sum of every worker's array, and returns it.
   *
   * @throws IllegalArgumentException when the workers' arrays differ in length
   * @throws CollectiveException when a worker died or left, or the group ended
   */
  public float[] allReduce(float[] values) {
    Objects.requireNonNull(values, "values");
    allReduce(Frame.Call.ALL_REDUCE_FLOAT, Elements.of(values));
    return values;
  }

  /**
   * Replaces {@code values} by the element-wise sum of every worker's array, and returns it.
   *
   * @throws IllegalArgumentException when the workers' arrays differ in length
   * @throws CollectiveException when a worker died or left, or the group ended
   */
  public double[] allReduce(double[] values) {
    Objects.requireNonNull(values, "values");
    allReduce(Frame.Call.ALL_REDUCE_DOUBLE, Elements.of(values));
    return values;
  }

  /**
   * Replaces every worker's {@code values} by the values of worker {@code root}.
   *
   * @throws IllegalArgumentException for a root outside the group, or when the workers' arrays
   *     differ in length
   * @throws CollectiveException when a worker died or left, or the group ended
   */
  public void broadcast(float[] values, int root) {
    Objects.requireNonNull(values, "values");
    broadcast(Frame.Call.BROADCAST_FLOAT, Elements.of(values), root);
  }

  /**
   * Replaces every worker's {@code values} by the values of worker {@code root}.
   *
   * @throws IllegalArgumentException for a root outside the group, or when the workers' arrays
   *     differ in length
   * @throws CollectiveException when a worker died or left, or the group ended
   */
  public void broadcast(double[] values, int root) {
    Objects.requireNonNull(values, "values");
    broadcast(Frame.Call.BROADCAST_DOUBLE, Elements.of(values), root);
  }

  /**
   * Returns once every worker of the group has called it.
   *
   * @throws CollectiveException when a worker died or left, or the group ended
   */
  public void barrier() {
    run(Frame.Call.BARRIER, Elements.of(new float[0]), RecursiveDoubling::allReduce);
  }

  /**
   * Releases {@code lock} while a call waits for the peers, when the calling thread holds it: for a
   * lock that workers sharing a JVM take turns on between calls.
   */
  @Internal
  public synchronized void releaseWhileWaiting(ReentrantLock lock) {
    this.released = lock;
  }

  /**
   * Leaves the group and closes the streams: a peer that still waits on this worker fails, told
   * that it left.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (worldSize > 1) {
      int me = rank;
      try {
        ask(g -> g.leave(me));
      } catch (RuntimeException e) {
        LOG.debug("telling the group that worker {} left: {}", rank, e.toString());
      }
    }
    closeStreams();
  }

  private void allReduce(Frame.Call call, Elements values) {
    long bytes = (long) values.length() * values.width();
    run(call, values, bytes < RING_MIN_BYTES ? RecursiveDoubling::allReduce : Ring::allReduce);
  }

  private void broadcast(Frame.Call call, Elements values, int root) {
    if (root < 0 || root >= worldSize) {
      throw new IllegalArgumentException(
          "root " + root + " is not in a group of " + worldSize + " workers");
    }
    run(
        call,
        values,
        r -> {
          int n = values.length();
          if (r.rank != root) {
            r.run(r.receive(root, values, 0, n, false));
            return;
          }
          Transfer[] sends = new Transfer[r.size - 1];
          for (int peer = 0, i = 0; peer < r.size; peer++) {
            if (peer != root) {
              sends[i++] = r.send(peer, values, 0, n);
            }
          }
          r.run(sends);
        });
  }

  /** An algorithm run by every worker of a round. */
  private interface Algorithm {
    void run(Round round) throws Exchange.PeerLost;
  }

  private synchronized void run(Frame.Call call, Elements values, Algorithm algorithm) {
    if (closed) {
      throw new IllegalStateException("worker " + rank + " closed its collective");
    }
    if (failed != null) {
      throw new CollectiveException(failed.getMessage(), failed.failedWorker());
    }
    if (worldSize == 1) {
      return;
    }
    boolean unlocked = released != null && released.isHeldByCurrentThread();
    if (unlocked) {
      released.unlock();
    }
    try {
      if (links == null) {
        connect();
      }
      long seq = ++calls;
      algorithm.run(new Round(exchange, links, rank, call, seq, values));
    } catch (Exchange.PeerLost lost) {
      int peer = lost.peer;
      int me = rank;
      String what = call + " #" + calls;
      throw fail(report(g -> g.lost(peer, me, what), lost.peer), null);
    } catch (CollectiveException e) {
      throw fail(e, null);
    } catch (RuntimeException e) {
      CollectiveFailure mine =
          new CollectiveFailure(rank, "worker " + rank + ": " + e.getMessage());
      fail(report(g -> g.failed(mine), rank), e);
      throw e;
    } finally {
      if (unlocked) {
        released.lock();
      }
    }
  }

  /** Records the group's failure for every later call and closes the streams. */
  private CollectiveException fail(CollectiveException e, RuntimeException cause) {
    failed = e;
    if (cause != null) {
      e.initCause(cause);
    }
    closeStreams();
    return e;
  }

  private void connect() {
    AirRuntime runtime =
        AirRuntime.running().stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Spark AIR runtime runs in this JVM"));
    String host = runtime.config().host();
    ServerSocketChannel server = Mesh.listen(host, worldSize);
    String address;
    try {
      address = host + ":" + ((InetSocketAddress) server.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int me = rank;
    CompletableFuture<Roster> joined = group.callAsync(g -> g.join(me, address));
    Roster roster = awaitJoined(joined);
    links = Mesh.connect(rank, server, roster, this::groupFailure);
    exchange = new Exchange(Arrays.asList(links), this::groupFailure);
  }

  private Roster awaitJoined(CompletableFuture<Roster> joined) {
    while (true) {
      try {
        return joined.get(JOIN_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        CollectiveFailure failure = groupFailure();
        if (failure != null) {
          throw failure.toException();
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof CollectiveException c) {
          throw new CollectiveException(c.getMessage(), c.failedWorker());
        }
        throw new CollectiveException(
            "worker " + rank + " could not join its group: " + e.getCause(), -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CollectiveException("worker " + rank + " was interrupted joining its group", -1);
      }
    }
  }

  private CollectiveFailure groupFailure() {
    return ask(CollectiveGroup::failure);
  }

  /** Tells the group of a failure; the group's first failure, or this one if the group is gone. */
  private CollectiveException report(ActorCall<CollectiveGroup, CollectiveFailure> fn, int who) {
    try {
      return ask(fn).toException();
    } catch (RuntimeException e) {
      return new CollectiveException(
          "worker " + who + " failed, and the group could not be told: " + e, who);
    }
  }

  private <R> R ask(ActorCall<CollectiveGroup, R> fn) {
    try {
      return group.call(fn).get(GROUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectiveException("interrupted asking the group", -1);
    } catch (ExecutionException | TimeoutException e) {
      throw new CollectiveException("the group could not be asked: " + e, -1);
    }
  }

  private void closeStreams() {
    if (exchange != null) {
      exchange.close();
    }
    if (links != null) {
      for (Link link : links) {
        if (link != null) {
          link.close();
        }
      }
    }
  }
}
