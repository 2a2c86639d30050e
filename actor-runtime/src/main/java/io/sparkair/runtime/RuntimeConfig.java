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

import io.sparkair.runtime.transport.Secret;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start an {@link AirRuntime}. Immutable; each setter returns a new instance.
 *
 * <pre>{@code
 * RuntimeConfig.forNode("1", secret).host("10.0.0.5").head("10.0.0.1:41000").cpus(4)
 * }</pre>
 */
public final class RuntimeConfig {
  /** The default cap on one call or reply: 64 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;

  /** The default share of the JVM's maximum memory the object store keeps before spilling. */
  public static final double DEFAULT_STORE_FRACTION = 0.3;

  private final String nodeId;
  private final Secret secret;
  private String host = "127.0.0.1";
  private int port;
  private int callPort;
  private String headAddress;
  private boolean hostsActors = true;
  private boolean registerWithHead = true;
  private int cpus = Runtime.getRuntime().availableProcessors();
  private int gpus;
  private long storeBudgetBytes;
  private Path spillDir;
  private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
  private long spawnTimeoutMs = 60_000;
  private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

  private RuntimeConfig(String nodeId, Secret secret) {
    this.nodeId = nodeId;
    this.secret = secret;
    this.storeBudgetBytes = (long) (Runtime.getRuntime().maxMemory() * DEFAULT_STORE_FRACTION);
    this.spillDir =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "spark-air-spill-" + nodeId + "-" + ProcessHandle.current().pid());
  }

  /** A copy to change one setting in; instances are never changed once handed out. */
  private RuntimeConfig copy() {
    RuntimeConfig c = new RuntimeConfig(nodeId, secret);
    c.host = host;
    c.port = port;
    c.callPort = callPort;
    c.headAddress = headAddress;
    c.hostsActors = hostsActors;
    c.registerWithHead = registerWithHead;
    c.cpus = cpus;
    c.gpus = gpus;
    c.storeBudgetBytes = storeBudgetBytes;
    c.spillDir = spillDir;
    c.maxMessageBytes = maxMessageBytes;
    c.spawnTimeoutMs = spawnTimeoutMs;
    c.classLoader = classLoader;
    return c;
  }

  /**
   * A runtime for a node. Without {@link #head(String)} it is the head itself.
   *
   * @param nodeId the executor id, or "driver"
   * @param secret the application's secret
   */
  public static RuntimeConfig forNode(String nodeId, Secret secret) {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(secret, "secret");
    if (nodeId.isBlank() || nodeId.contains("/")) {
      throw new IllegalArgumentException("node id must be non-blank without '/': '" + nodeId + "'");
    }
    return new RuntimeConfig(nodeId, secret);
  }

  /** The host address to bind to and advertise (default 127.0.0.1). */
  public RuntimeConfig host(String host) {
    Objects.requireNonNull(host, "host");
    RuntimeConfig c = copy();
    c.host = host;
    return c;
  }

  /** The port to listen on (default 0: any free port). */
  public RuntimeConfig port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    RuntimeConfig c = copy();
    c.port = port;
    return c;
  }

  /** The port actor calls from other runtimes arrive on (default 0: any free port). */
  public RuntimeConfig callPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("callPort must be in 0..65535, got " + port);
    }
    RuntimeConfig c = copy();
    c.callPort = port;
    return c;
  }

  /** The head runtime's address, host:port; this runtime is then a worker node. */
  public RuntimeConfig head(String headAddress) {
    Objects.requireNonNull(headAddress, "headAddress");
    if (headAddress.lastIndexOf(':') <= 0) {
      throw new IllegalArgumentException(
          "head address must be host:port, got '" + headAddress + "'");
    }
    RuntimeConfig c = copy();
    c.headAddress = headAddress;
    return c;
  }

  /** Whether this runtime offers itself for actors and blocks (default true). */
  public RuntimeConfig hostsActors(boolean hostsActors) {
    RuntimeConfig c = copy();
    c.hostsActors = hostsActors;
    return c;
  }

  /**
   * Whether a worker registers itself with the head when it starts (default true); the Spark plugin
   * registers through Spark's plugin channel instead.
   */
  public RuntimeConfig registerWithHead(boolean register) {
    RuntimeConfig c = copy();
    c.registerWithHead = register;
    return c;
  }

  /** Cores offered to actors (default: the JVM's available processors). */
  public RuntimeConfig cpus(int cpus) {
    if (cpus < 0) {
      throw new IllegalArgumentException("cpus must be >= 0, got " + cpus);
    }
    RuntimeConfig c = copy();
    c.cpus = cpus;
    return c;
  }

  /** GPUs offered to actors (default 0). */
  public RuntimeConfig gpus(int gpus) {
    if (gpus < 0) {
      throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
    }
    RuntimeConfig c = copy();
    c.gpus = gpus;
    return c;
  }

  /** The object store's memory budget (default 30% of the JVM's maximum memory). */
  public RuntimeConfig storeBudgetBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("store budget must be > 0 bytes, got " + bytes);
    }
    RuntimeConfig c = copy();
    c.storeBudgetBytes = bytes;
    return c;
  }

  /** Where spilled blocks are written (default a fresh folder under java.io.tmpdir). */
  public RuntimeConfig spillDir(Path dir) {
    Objects.requireNonNull(dir, "dir");
    RuntimeConfig c = copy();
    c.spillDir = dir;
    return c;
  }

  /** The largest call or reply, in bytes (default 64 MiB). */
  public RuntimeConfig maxMessageBytes(int bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxMessageBytes must be >= 1024, got " + bytes);
    }
    RuntimeConfig c = copy();
    c.maxMessageBytes = bytes;
    return c;
  }

  /** How long an actor's creation may take (default 60 s). */
  public RuntimeConfig spawnTimeoutMs(long ms) {
    if (ms <= 0) {
      throw new IllegalArgumentException("spawn timeout must be > 0 ms, got " + ms);
    }
    RuntimeConfig c = copy();
    c.spawnTimeoutMs = ms;
    return c;
  }

  /** The loader for user classes in calls (default: the creating thread's context loader). */
  public RuntimeConfig classLoader(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    RuntimeConfig c = copy();
    c.classLoader = loader;
    return c;
  }

  /** The node's id: the executor id, or "driver". */
  public String nodeId() {
    return nodeId;
  }

  /** The application's secret. */
  public Secret secret() {
    return secret;
  }

  /** The host address to bind to and advertise. */
  public String host() {
    return host;
  }

  /** The port to listen on, or 0 for any free port. */
  public int port() {
    return port;
  }

  /** The port to take actor calls on, or 0 for any free port. */
  public int callPort() {
    return callPort;
  }

  /** The head's address, or null when this runtime is the head. */
  public String headAddress() {
    return headAddress;
  }

  /** Whether this runtime is the head, that is, no {@link #head(String) head address} is set. */
  public boolean isHead() {
    return headAddress == null;
  }

  /** Whether this runtime offers itself for actors and blocks. */
  public boolean hostsActors() {
    return hostsActors;
  }

  /** Whether a worker registers itself with the head when it starts. */
  public boolean registerWithHead() {
    return registerWithHead;
  }

  /** The cores offered to actors. */
  public int cpus() {
    return cpus;
  }

  /** The GPUs offered to actors. */
  public int gpus() {
    return gpus;
  }

  /** The object store's memory budget, in bytes. */
  public long storeBudgetBytes() {
    return storeBudgetBytes;
  }

  /** Where spilled blocks are written. */
  public Path spillDir() {
    return spillDir;
  }

  /** The largest call or reply, in bytes. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** How long an actor's creation may take, in milliseconds. */
  public long spawnTimeoutMs() {
    return spawnTimeoutMs;
  }

  /** The loader for user classes in calls. */
  public ClassLoader classLoader() {
    return classLoader;
  }
}
