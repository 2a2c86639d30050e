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

import io.sparkair.data.AirDataset;
import io.sparkair.data.DataContext;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.ActorFactory;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.runtime.transport.Secret;
import io.sparkair.spark.AirSettings;
import io.sparkair.spark.SparkShim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark AIR entry point for one Spark application: its actor runtime on the driver, the
 * runtimes in the executors, and actors that hold Spark task slots while they compute.
 *
 * <pre>{@code
 * Air air = Air.get(spark);
 * try (ActorGroup<Worker> workers = air.spawnGroup(2, rank -> new Worker(rank),
 *     SpawnOptions.defaults().cpus(1))) {
 *   workers.callAll(Worker::step).forEach(CompletableFuture::join);
 * }
 * }</pre>
 *
 * <p>With {@code spark.plugins=io.sparkair.plugin.AirPlugin} the runtimes start with the
 * application. Without it (a notebook whose session already exists), the first {@link
 * #get(SparkSession)} starts them with a Spark job; later calls return the same handle.
 *
 * <p>The class is long because it is the facade: every entry point a user calls is documented here,
 * and each delegates (datasets to {@code AirDataset}, slots to {@code SlotLeasing}, groups to
 * {@code GroupPlacement}, notebooks' executors to {@code ExecutorAttach}).
 */
public final class Air implements DataContext {
  private static final Logger LOG = LoggerFactory.getLogger(Air.class);
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");
  private static Air active;

  private final SparkContext sc;
  private final AirSettings settings;
  private final AirRuntime runtime;
  private final SlotLeasing slotLeasing;
  private final ExecutorAttach attach;
  private final ExecutorService jobs;
  private final boolean lazy;
  private volatile boolean stopped;

  private Air(SparkContext sc, boolean lazy) {
    this.sc = sc;
    this.lazy = lazy;
    String secret =
        sc.conf().getOption("spark.authenticate.secret").getOrElse(() -> Secret.generate().value());
    AirSettings base = AirSettings.fromConf(sc.conf(), secret, "");
    String host = sc.conf().get("spark.driver.host", Utils.localHostName());
    boolean local = sc.isLocal();
    this.runtime =
        AirRuntime.start(
            base.runtimeConfig("driver", host, localCores(sc.master())).hostsActors(local));
    this.settings = base.withHead(runtime.address());
    this.jobs =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "air-spark-jobs");
              t.setDaemon(true);
              return t;
            });
    this.slotLeasing =
        new SlotLeasing(
            sc,
            settings,
            runtime,
            runtime.hostHere(SlotLeaseService.NAME, new SlotLeaseService(runtime)),
            jobs);
    this.attach = new ExecutorAttach(sc, settings, runtime);
    sc.addSparkListener(new AirListener(this));
  }

  /** Starts the driver side; called by the driver plugin. */
  static synchronized Air start(SparkContext sc) {
    if (active != null) {
      active.stop();
    }
    active = new Air(sc, false);
    return active;
  }

  /**
   * The running session this thread works in: its active session, unless that one's context has
   * stopped (a thread can inherit a stale one, as notebook cells on fresh threads do), else the
   * default session.
   *
   * @throws IllegalStateException when no session runs
   */
  public static SparkSession currentSession() {
    for (scala.Option<SparkSession> candidate :
        java.util.List.of(SparkSession.getActiveSession(), SparkSession.getDefaultSession())) {
      if (candidate.isDefined() && !candidate.get().sparkContext().isStopped()) {
        return candidate.get();
      }
    }
    throw new IllegalStateException(
        "no SparkSession runs; start one with " + "SparkSession.builder().getOrCreate()");
  }

  /**
   * The handle of the session's application, attaching the runtime on first use.
   *
   * @throws IllegalArgumentException when {@code spark} is a Spark Connect client session: Spark
   *     AIR runs inside the application's JVMs and needs a classic session
   * @throws IllegalStateException when this Spark is of another line than this build's
   */
  public static Air get(SparkSession spark) {
    SparkLine.built().requireRunning();
    if (!SparkShim.isClassic(spark)) {
      throw new IllegalArgumentException(
          "Spark AIR needs a classic Spark session, which runs in "
              + "this JVM; this one is a Spark Connect client ("
              + spark.getClass().getName()
              + "). Start the session without spark.api.mode=connect or spark.remote, for instance "
              + "SparkSession.builder().master(...).getOrCreate() on the cluster's driver.");
    }
    return get(spark.sparkContext());
  }

  /** The handle of the application, attaching the runtime on first use. */
  public static synchronized Air get(SparkContext sc) {
    SparkLine.built().requireRunning();
    if (sc.isStopped()) {
      throw new IllegalStateException("the SparkContext is stopped");
    }
    if (active != null && active.sc == sc && !active.stopped) {
      return active;
    }
    if (active != null) {
      active.stop();
    }
    active = new Air(sc, true);
    active.attach.existingExecutors();
    return active;
  }

  /**
   * Converts a DataFrame into an AIR dataset: one Spark job writes each partition as Arrow blocks
   * into the store of the executor that computed it; the driver receives references.
   */
  public AirDataset fromDataFrame(Dataset<Row> df) {
    return AirDataset.fromDataFrame(this, df);
  }

  /** Reads CSV files through Spark's reader (options such as header, inferSchema). */
  public AirDataset readCsv(String path, Map<String, String> options) {
    return fromDataFrame(session().read().options(options).csv(path));
  }

  /** Reads Parquet files through Spark's reader. */
  public AirDataset readParquet(String path) {
    return fromDataFrame(session().read().parquet(path));
  }

  /** Reads JSON-lines files through Spark's reader. */
  public AirDataset readJson(String path) {
    return fromDataFrame(session().read().json(path));
  }

  /**
   * A dataset of rows given as maps, as Ray's {@code from_items}: columns in the order keys first
   * appear, typed by their first non-null value (Integer, Long, Float, Double, String, Boolean,
   * byte[]); a missing key is null.
   */
  public AirDataset fromItems(List<? extends Map<String, ?>> items) {
    return AirDataset.fromItems(this, items);
  }

  /** A dataset with one column {@code id} holding 0 .. n-1. */
  public AirDataset range(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("range(n) needs n >= 0, got " + n);
    }
    return fromDataFrame(session().range(n).toDF());
  }

  /** A session of this application: the active one, or a new one of its context. */
  @Override
  public SparkSession session() {
    return SparkSession.builder().sparkContext(sc).getOrCreate();
  }

  /** The driver's runtime. */
  @Override
  public AirRuntime runtime() {
    return runtime;
  }

  /** The settings every runtime of the application shares; tasks carry them to executors. */
  @Override
  public AirSettings settings() {
    return settings;
  }

  /** The runtimes that host actors and blocks: executors (or the driver in local mode). */
  @Override
  public List<NodeInfo> nodes() {
    return runtime.nodes();
  }

  /**
   * Waits until at least {@code count} executors' runtimes have registered.
   *
   * @return the registered nodes
   * @throws IllegalStateException if they do not within {@code timeout}
   */
  public List<NodeInfo> awaitNodes(int count, Duration timeout) {
    try {
      return runtime.awaitNodes(nodes -> nodes.size() >= count, timeout);
    } catch (TimeoutException e) {
      List<NodeInfo> nodes = nodes();
      throw new IllegalStateException(
          "only "
              + nodes.size()
              + " of "
              + count
              + " Spark AIR runtimes registered within "
              + timeout
              + ": "
              + nodes);
    }
  }

  /**
   * Waits until the registered executors have at least {@code count} Spark task slots in all, as
   * after an executor was lost and Spark launched another.
   *
   * @throws IllegalStateException if they do not within {@code timeout}
   */
  public void awaitSlots(int count, Duration timeout) {
    slotLeasing.await(count, timeout);
  }

  /** Spark task slots of the registered executors (cores / spark.task.cpus). */
  public int totalSlots() {
    return slotLeasing.total();
  }

  /**
   * The most Spark task slots the cluster can give: those of the registered executors, or more when
   * Spark was asked for more executors of {@code spark.executor.cores}: under dynamic allocation
   * {@code spark.dynamicAllocation.maxExecutors} ({@link Integer#MAX_VALUE} slots when there is no
   * maximum), otherwise {@code spark.executor.instances} (on YARN and Kubernetes executors start
   * after the application does).
   */
  public int maxSlots() {
    return slotLeasing.max();
  }

  /** Spark task slots held right now by AIR actors (slot leases that have not ended). */
  public int heldSlots() {
    return slotLeasing.held();
  }

  /**
   * Fails at once if AIR's actors hold every task slot: a Spark job started now would wait for them
   * forever.
   *
   * @param what the job about to start, for the message
   */
  @Override
  public void requireFreeSlot(String what) {
    int total = totalSlots();
    int held = heldSlots();
    if (total > 0 && held >= total) {
      throw new IllegalStateException(
          what
              + " needs a Spark task slot, but AIR actors hold all "
              + held
              + " of the cluster's "
              + total
              + "; close actor groups first, or make the "
              + "data before starting them");
    }
  }

  /**
   * Creates an actor. An actor that asks for CPUs holds that many Spark task slots on its executor
   * until it dies, so Spark does not schedule tasks on the cores it uses.
   */
  public <A> ActorRef<A> spawn(ActorFactory<A> factory, SpawnOptions options) {
    if (options.cpus() <= 0) {
      return runtime.spawn(factory, options);
    }
    ActorGroup<A> group = spawnGroup(1, rank -> factory.create(), options);
    return group.get(0);
  }

  /**
   * Starts {@code size} actors together, one per rank, each on the executor of a Spark task slot
   * held for it (when {@code options} asks for CPUs). All start, or none: a request for more slots
   * than the cluster has fails at once.
   *
   * @param size number of actors
   * @param factory creates each rank's actor on its executor
   * @param options resources per actor, name prefix ({@code name-rank}), restarts
   */
  public <A> ActorGroup<A> spawnGroup(int size, RankedFactory<A> factory, SpawnOptions options) {
    return GroupPlacement.spawn(runtime, slotLeasing, size, factory, options);
  }

  /**
   * Holds {@code count} Spark task slots with a background barrier job, until the lease is closed.
   * Under dynamic allocation, which Spark refuses barrier jobs, the job is a plain one: its pending
   * tasks make Spark add executors when the cluster has too few.
   *
   * @throws IllegalArgumentException if the cluster can never give that many ({@link #maxSlots()})
   * @throws IllegalStateException if the slots do not come free within {@code
   *     spark.air.slots.timeoutSeconds}
   */
  public SlotLease reserveSlots(int count, String purpose) {
    return slotLeasing.reserve(count, purpose);
  }

  void executorRemoved(String executorId, String reason) {
    if (!stopped) {
      runtime.nodeLost(executorId, "Spark removed the executor: " + reason);
    }
  }

  void executorAdded(String executorId, String host) {
    if (lazy && !stopped) {
      jobs.execute(() -> attach.executors(Map.of(executorId, host)));
    }
  }

  void applicationEnded() {
    if (lazy) {
      stop();
    }
  }

  /** Stops the driver's runtime; executors' runtimes stop with their executors. */
  synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    jobs.shutdownNow();
    runtime.close();
    synchronized (Air.class) {
      if (active == this) {
        active = null;
      }
    }
  }

  static int localCores(String master) {
    Matcher m = LOCAL.matcher(master);
    if (!m.matches()) {
      return 0;
    }
    if (m.group(1) == null) {
      return 1;
    }
    return "*".equals(m.group(1))
        ? Runtime.getRuntime().availableProcessors()
        : Integer.parseInt(m.group(1));
  }
}
