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
package io.sparkair.train.lightgbm;

import com.microsoft.ml.lightgbm.lightgbmlib;
import io.sparkair.runtime.actor.ActorRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.spark.util.Utils;

/**
 * A worker's place in LightGBM's socket network: it picks a free port, learns the machine list,
 * waits for its turn, starts LightGBM's network on the calling thread (LightGBM keeps it per
 * thread) and, once its LightGBM listens, lets the rank below it start (a short-lived watch thread,
 * in ranks above 0 only, ended when the network is up). It also carries the per-round exchange and,
 * when closed, frees the network and leaves the group.
 */
final class LightGBMPeers implements AutoCloseable {
  /** Minutes LightGBM waits for its peers' connections. */
  private static final int LISTEN_TIMEOUT_MINUTES = 2;

  private static final long WATCH_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final long UNWATCHABLE_MILLIS = 300;

  private final ActorRef<LightGBMNetwork> network;
  private final int rank;
  private boolean started;

  LightGBMPeers(ActorRef<LightGBMNetwork> network, int rank) {
    this.network = network;
    this.rank = rank;
  }

  /** Joins LightGBM's network of {@code worldSize} workers; returns once all are connected. */
  void connect(int worldSize) {
    int port = freePort();
    String address = localAddress() + ":" + port;
    List<String> machines =
        network.callAsync(LightGBMNetwork::join, new LightGBMNetwork.Member(rank, address)).join();
    int me = rank;
    network.callAsync(n -> n.turn(me)).join();
    Thread watch = null;
    if (rank > 0) {
      watch = new Thread(() -> announceWhenListening(port), "lightgbm-listen-watch-" + rank);
      watch.setDaemon(true);
      watch.start();
    }
    String list = "rank=" + rank + "," + String.join(",", machines);
    int rc;
    try {
      rc = lightgbmlib.LGBM_NetworkInit(list, port, LISTEN_TIMEOUT_MINUTES, worldSize);
    } finally {
      stop(watch);
    }
    started = true;
    if (rc != 0) {
      throw new IllegalStateException(
          "LightGBM worker "
              + rank
              + " could not join its peers "
              + machines
              + ": "
              + lightgbmlib.LGBM_GetLastError());
    }
  }

  /** The element-wise sum of every worker's {@code values} for this round. */
  double[] round(double[] values) {
    return network.callAsync(LightGBMNetwork::round, new LightGBMNetwork.Part(rank, values)).join();
  }

  @Override
  public void close() {
    if (started) {
      lightgbmlib.LGBM_NetworkFree();
    }
    int me = rank;
    network.call(n -> n.leave(me)).join();
  }

  /**
   * Ends the watch: once LightGBM's network is up (or has failed), the rank below has connected and
   * nobody waits for the announcement any more.
   */
  private static void stop(Thread watch) {
    if (watch == null) {
      return;
    }
    watch.interrupt();
    try {
      watch.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Tells the group once this JVM has a socket listening on {@code port} (read from Linux's {@code
   * /proc/net/tcp}); where that cannot be read, after a short pause.
   */
  private void announceWhenListening(int port) {
    long deadline = System.nanoTime() + WATCH_NANOS;
    try {
      if (!Files.isReadable(Path.of("/proc/net/tcp"))) {
        Thread.sleep(UNWATCHABLE_MILLIS);
      } else {
        while (!listens(port) && System.nanoTime() < deadline) {
          Thread.sleep(2);
        }
      }
      int me = rank;
      network.call(n -> n.listening(me));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@code /proc/net/tcp} or {@code tcp6} shows a listening socket on {@code port}. */
  static boolean listens(int port) {
    String local = String.format(Locale.ROOT, ":%04X ", port);
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && (f[1] + " ").endsWith(local) && "0A".equals(f[3])) {
            return true;
          }
        }
      } catch (IOException e) {
        // this table is absent (no IPv6): look at the other one
      }
    }
    return false;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for LightGBM's network", e);
    }
  }

  /**
   * This executor's IPv4 address as Spark knows it. LightGBM's machine list reads IPv4 only: set
   * {@code SPARK_LOCAL_IP} to an IPv4 address on hosts that resolve to IPv6.
   */
  private static String localAddress() {
    try {
      String ip = InetAddress.getByName(Utils.localHostName()).getHostAddress();
      if (ip.contains(":")) {
        throw new IllegalStateException(
            "LightGBM's network needs an IPv4 address; this "
                + "executor's is "
                + ip
                + " (set SPARK_LOCAL_IP)");
      }
      return ip;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("cannot resolve this executor's host: " + e, e);
    }
  }
}
