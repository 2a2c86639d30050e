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
  private final String host;
  private final int port;
  private final String headAddress;
  private final boolean hostsActors;
  private final boolean registerWithHead;
  private final int cpus;
  private final int gpus;
  private final long storeBudgetBytes;
  private final Path spillDir;
  private final int maxMessageBytes;
  private final long spawnTimeoutMs;
  private final ClassLoader classLoader;

  private RuntimeConfig(String nodeId, Secret secret, String host, int port, String headAddress,
      boolean hostsActors, boolean registerWithHead, int cpus, int gpus, long storeBudgetBytes,
      Path spillDir, int maxMessageBytes, long spawnTimeoutMs, ClassLoader classLoader) {
    this.nodeId = nodeId;
    this.secret = secret;
    this.host = host;
    this.port = port;
    this.headAddress = headAddress;
    this.hostsActors = hostsActors;
    this.registerWithHead = registerWithHead;
    this.cpus = cpus;
    this.gpus = gpus;
    this.storeBudgetBytes = storeBudgetBytes;
    this.spillDir = spillDir;
    this.maxMessageBytes = maxMessageBytes;
    this.spawnTimeoutMs = spawnTimeoutMs;
    this.classLoader = classLoader;
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
    long budget = (long) (Runtime.getRuntime().maxMemory() * DEFAULT_STORE_FRACTION);
    Path spill = Path.of(System.getProperty("java.io.tmpdir"),
        "spark-air-spill-" + nodeId + "-" + ProcessHandle.current().pid());
    return new RuntimeConfig(nodeId, secret, "127.0.0.1", 0, null, true, true,
        Runtime.getRuntime().availableProcessors(), 0, budget, spill,
        DEFAULT_MAX_MESSAGE_BYTES, 60_000, Thread.currentThread().getContextClassLoader());
  }

  private RuntimeConfig copy(String host, int port, String headAddress, boolean hostsActors,
      boolean registerWithHead, int cpus, int gpus, long storeBudgetBytes, Path spillDir,
      int maxMessageBytes, long spawnTimeoutMs, ClassLoader classLoader) {
    return new RuntimeConfig(nodeId, secret, host, port, headAddress, hostsActors,
        registerWithHead, cpus, gpus, storeBudgetBytes, spillDir, maxMessageBytes,
        spawnTimeoutMs, classLoader);
  }

  /** The host address to bind to and advertise (default 127.0.0.1). */
  public RuntimeConfig host(String host) {
    Objects.requireNonNull(host, "host");
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /** The port to listen on (default 0: any free port). */
  public RuntimeConfig port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /** The head runtime's address, host:port; this runtime is then a worker node. */
  public RuntimeConfig head(String headAddress) {
    Objects.requireNonNull(headAddress, "headAddress");
    if (headAddress.lastIndexOf(':') <= 0) {
      throw new IllegalArgumentException("head address must be host:port, got '" + headAddress
          + "'");
    }
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /** Whether this runtime offers itself for actors and blocks (default true). */
  public RuntimeConfig hostsActors(boolean hostsActors) {
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /**
   * Whether a worker registers itself with the head when it starts (default true); the Spark
   * plugin registers through Spark's plugin channel instead.
   */
  public RuntimeConfig registerWithHead(boolean register) {
    return copy(host, port, headAddress, hostsActors, register, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /** Cores offered to actors (default: the JVM's available processors). */
  public RuntimeConfig cpus(int cpus) {
    if (cpus < 0) {
      throw new IllegalArgumentException("cpus must be >= 0, got " + cpus);
    }
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /** GPUs offered to actors (default 0). */
  public RuntimeConfig gpus(int gpus) {
    if (gpus < 0) {
      throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
    }
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /** The object store's memory budget (default 30% of the JVM's maximum memory). */
  public RuntimeConfig storeBudgetBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("store budget must be > 0 bytes, got " + bytes);
    }
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus, bytes,
        spillDir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /** Where spilled blocks are written (default a fresh folder under java.io.tmpdir). */
  public RuntimeConfig spillDir(Path dir) {
    Objects.requireNonNull(dir, "dir");
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, dir, maxMessageBytes, spawnTimeoutMs, classLoader);
  }

  /** The largest call or reply, in bytes (default 64 MiB). */
  public RuntimeConfig maxMessageBytes(int bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxMessageBytes must be >= 1024, got " + bytes);
    }
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, bytes, spawnTimeoutMs, classLoader);
  }

  /** How long an actor's creation may take (default 60 s). */
  public RuntimeConfig spawnTimeoutMs(long ms) {
    if (ms <= 0) {
      throw new IllegalArgumentException("spawn timeout must be > 0 ms, got " + ms);
    }
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, ms, classLoader);
  }

  /** The loader for user classes in calls (default: the creating thread's context loader). */
  public RuntimeConfig classLoader(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return copy(host, port, headAddress, hostsActors, registerWithHead, cpus, gpus,
        storeBudgetBytes, spillDir, maxMessageBytes, spawnTimeoutMs, loader);
  }

  public String nodeId() {
    return nodeId;
  }

  public Secret secret() {
    return secret;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The head's address, or null when this runtime is the head. */
  public String headAddress() {
    return headAddress;
  }

  public boolean isHead() {
    return headAddress == null;
  }

  public boolean hostsActors() {
    return hostsActors;
  }

  public boolean registerWithHead() {
    return registerWithHead;
  }

  public int cpus() {
    return cpus;
  }

  public int gpus() {
    return gpus;
  }

  public long storeBudgetBytes() {
    return storeBudgetBytes;
  }

  public Path spillDir() {
    return spillDir;
  }

  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  public long spawnTimeoutMs() {
    return spawnTimeoutMs;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }
}
