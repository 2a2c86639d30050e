package io.sparkair.train;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BlockSet;
import io.sparkair.plugin.ActorGroup;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirSettings;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.runtime.actor.ActorDiedException;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a training loop on a group of worker actors, each on its own shard of the datasets
 * (Ray's {@code DataParallelTrainer}). {@link #fit()} fits the preprocessor on the
 * {@code train} dataset and applies it to every dataset, starts {@code numWorkers} actors that
 * hold Spark task slots on the executors where the shards live, runs the loop in each, and
 * collects rank 0's reports and checkpoints into a {@link Result}. When a worker or its executor
 * dies, the group is started again from the latest checkpoint, as often as the
 * {@link FailureConfig} allows.
 *
 * <p>Every dataset is split among the workers, row-balanced, each worker taking blocks on its
 * own executor first. Make the datasets before calling {@code fit}: while the workers hold every
 * task slot, no other Spark job can run.
 */
public class DataParallelTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(DataParallelTrainer.class);
  private static final long FAILURE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(3);

  private final TrainLoop loop;
  private Map<String, Object> loopConfig = new LinkedHashMap<>();
  private ScalingConfig scaling = ScalingConfig.of(1);
  private RunConfig runConfig = new RunConfig();
  private final Map<String, AirDataset> datasets = new LinkedHashMap<>();
  private Preprocessor preprocessor;
  private Checkpoint resumeFrom;
  private WorkerGroups workerGroups;

  /** A trainer running {@code loop} in every worker. */
  public DataParallelTrainer(TrainLoop loop) {
    this.loop = Objects.requireNonNull(loop, "loop");
  }

  /** A trainer whose loop {@link #trainLoop()} gives. */
  protected DataParallelTrainer() {
    this.loop = null;
  }

  /** The loop every worker runs; called after {@link #validate}. */
  protected TrainLoop trainLoop() {
    return loop;
  }

  /**
   * Sets the configuration every worker's loop receives, replacing any set before; empty by
   * default.
   */
  public DataParallelTrainer setTrainLoopConfig(Map<String, ?> config) {
    this.loopConfig = new LinkedHashMap<>(Objects.requireNonNull(config, "config"));
    return this;
  }

  /** Sets how many workers train and what each holds; one CPU worker by default. */
  public DataParallelTrainer setScalingConfig(ScalingConfig config) {
    this.scaling = Objects.requireNonNull(config, "scalingConfig");
    return this;
  }

  /** Sets where and how the run records itself; a default {@link RunConfig} by default. */
  public DataParallelTrainer setRunConfig(RunConfig config) {
    this.runConfig = Objects.requireNonNull(config, "runConfig");
    return this;
  }

  /** Adds a dataset; {@code train} is the one the preprocessor is fitted on. */
  public DataParallelTrainer setDataset(String name, AirDataset dataset) {
    datasets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(dataset, name));
    return this;
  }

  /** Sets every dataset at once. */
  public DataParallelTrainer setDatasets(Map<String, AirDataset> all) {
    datasets.clear();
    all.forEach(this::setDataset);
    return this;
  }

  /** A preprocessor, fitted on {@code train} and saved in every checkpoint. */
  public DataParallelTrainer setPreprocessor(Preprocessor preprocessor) {
    this.preprocessor = preprocessor;
    return this;
  }

  /**
   * Continues an earlier run from its checkpoint; its preprocessor, if it has one, is used as
   * fitted.
   */
  public DataParallelTrainer setResumeFromCheckpoint(Checkpoint checkpoint) {
    this.resumeFrom = checkpoint;
    return this;
  }

  /**
   * Runs the workers in groups kept between runs ({@link WorkerGroups}) rather than in a group
   * of this run's own; null (the default) starts and stops a group per attempt.
   */
  public DataParallelTrainer setWorkerGroups(WorkerGroups groups) {
    this.workerGroups = groups;
    return this;
  }

  /**
   * A copy of this trainer with some fields replaced: the trial of a Tuner. Keys:
   * {@code scalingConfig} (a {@link ScalingConfig}, or a map of {@code numWorkers},
   * {@code cpusPerWorker}, {@code useGpu}), {@code preprocessor}, {@code trainLoopConfig} (merged
   * into the loop's configuration), and those a subclass adds.
   *
   * @throws IllegalArgumentException naming a key this trainer has no field for
   */
  public DataParallelTrainer withConfig(Map<String, ?> config) {
    DataParallelTrainer copy = copy();
    config.forEach(copy::applyConfig);
    return copy;
  }

  /** A copy of this trainer, for {@link #withConfig}; subclasses copy their own fields too. */
  protected DataParallelTrainer copy() {
    DataParallelTrainer copy = new DataParallelTrainer(loop);
    copyInto(copy);
    return copy;
  }

  /** Copies this trainer's fields into {@code target}. */
  protected final void copyInto(DataParallelTrainer target) {
    target.loopConfig = new LinkedHashMap<>(loopConfig);
    target.scaling = scaling;
    target.runConfig = runConfig;
    target.datasets.putAll(datasets);
    target.preprocessor = preprocessor == null ? null
        : Preprocessors.fromJson(Preprocessors.toJson(preprocessor));
    target.resumeFrom = resumeFrom;
    target.workerGroups = workerGroups;
  }

  /**
   * Sets one field from a tuned configuration.
   *
   * @throws IllegalArgumentException for a key this trainer has no field for
   */
  @SuppressWarnings("unchecked")
  protected void applyConfig(String key, Object value) {
    switch (key) {
      case "scalingConfig":
        scaling = value instanceof ScalingConfig ? (ScalingConfig) value
            : scalingFrom((Map<String, Object>) value);
        break;
      case "preprocessor":
        preprocessor = value == null ? null
            : Preprocessors.fromJson(Preprocessors.toJson((Preprocessor) value));
        break;
      case "trainLoopConfig":
        loopConfig.putAll((Map<String, Object>) value);
        break;
      default:
        throw new IllegalArgumentException(getClass().getSimpleName() + " has no field '" + key
            + "' to tune; it tunes scalingConfig, preprocessor, trainLoopConfig"
            + tunableFields());
    }
  }

  /** The tunable fields a subclass adds, for error messages, e.g. {@code ", params"}. */
  protected String tunableFields() {
    return "";
  }

  private ScalingConfig scalingFrom(Map<String, Object> map) {
    ScalingConfig s = ScalingConfig.of(((Number) map.getOrDefault("numWorkers",
        scaling.numWorkers())).intValue());
    s = s.cpusPerWorker(((Number) map.getOrDefault("cpusPerWorker",
        scaling.cpusPerWorker())).intValue());
    return s.useGpu((Boolean) map.getOrDefault("useGpu", scaling.useGpu()));
  }

  /** How many workers train and what each holds. */
  public ScalingConfig scalingConfig() {
    return scaling;
  }

  /** Where and how the run records itself. */
  public RunConfig runConfig() {
    return runConfig;
  }

  /** A copy of the datasets, by name. */
  public Map<String, AirDataset> datasets() {
    return Map.copyOf(datasets);
  }

  /** The preprocessor, or null for none. */
  public Preprocessor preprocessor() {
    return preprocessor;
  }

  /**
   * The schema of a DataFrame scored by the model of this trainer's checkpoints (a Spark ML
   * {@code AirModel}): {@code input} with the predictor's columns added, or {@code input} alone
   * when they are known only from the trained model (a loop of your own; the default).
   */
  public StructType predictionSchema(StructType input) {
    return input;
  }

  /**
   * Checks the datasets (after preprocessing) before any worker starts; the default does
   * nothing.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  protected void validate(Map<String, AirDataset> prepared) {}

  /**
   * Prepares an attempt on the driver, before its workers start.
   *
   * @return entries added to the loop's configuration for this attempt
   */
  protected Map<String, Object> startAttempt(int numWorkers) {
    return Map.of();
  }

  /**
   * Ends an attempt on the driver, after its workers stopped or failed. After a failure, what
   * it throws is logged, not raised: the workers' failure is the one that counts.
   */
  protected void endAttempt(boolean failed) {}

  /** A name for runs without one. */
  protected String defaultRunName() {
    return getClass().getSimpleName();
  }

  /**
   * Trains.
   *
   * @return the run's result
   * @throws TrainingFailedException when workers failed more often than allowed
   * @throws IllegalArgumentException when the configuration or the data is wrong (before any
   *     worker starts)
   */
  public Result fit() {
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("a trainer needs datasets; set at least \"train\"");
    }
    SparkSession spark = Air.currentSession();
    Air air = Air.get(spark);
    if (scaling.numWorkers() * scaling.cpusPerWorker() > air.maxSlots()) {
      throw new IllegalArgumentException(scaling + " needs "
          + scaling.numWorkers() * scaling.cpusPerWorker() + " Spark task slots but the "
          + "cluster has at most " + air.maxSlots());
    }
    String name = runConfig.name() != null ? runConfig.name() : defaultRunName() + "_"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss"));
    StorageLocation.requireReachable(runConfig.storagePath(), spark);
    String runDir = runConfig.storagePath() + "/" + name;
    Map<String, AirDataset> prepared = new LinkedHashMap<>();
    List<AirDataset> owned = new ArrayList<>();
    Preprocessor fitted = prepare(prepared, owned);
    validate(prepared);
    List<TrainingCallback> callbacks = new ArrayList<>();
    if (runConfig.verbose() > 0) {
      callbacks.add(new ConsoleProgress(runConfig.verbose() > 1));
    }
    callbacks.addAll(runConfig.callbacks());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    ReportSink sink = new ReportSink(name, runDir, hadoop, runConfig.checkpointConfig(),
        callbacks, earlierReports(runDir, hadoop), resumeFrom);
    ActorRef<ReportSink> sinkRef = air.runtime().hostHere(
        "air-train-" + name + "-" + UUID.randomUUID(), sink);
    String resume = null;
    if (resumeFrom != null) {
      resume = runDir + "/resumed_from";
      resumeFrom.toDirectory(resume);
    }
    String fittedJson = fitted == null ? null : Preprocessors.toJson(fitted);
    Throwable error = null;
    Result result;
    try {
      int failures = 0;
      for (int attempt = 0; ; attempt++) {
        int number = attempt;
        if (attempt > 0) {
          air.awaitSlots(scaling.numWorkers() * scaling.cpusPerWorker(), Duration.ofSeconds(
              spark.sparkContext().conf().getLong(AirSettings.SLOT_TIMEOUT, 60)));
        }
        sinkRef.call(s -> {
          s.startAttempt(number);
          return null;
        }).join();
        Throwable failure = runAttempt(air, prepared, runDir, resume, fittedJson, sinkRef);
        if (failure == null) {
          break;
        }
        failures++;
        if (!runConfig.failureConfig().allowsAnother(failures)) {
          throw new TrainingFailedException("training failed " + failures + " time(s), more "
              + "than FailureConfig(maxFailures=" + runConfig.failureConfig().maxFailures()
              + ") allows: " + failure, failure);
        }
        String latest = sinkRef.call(ReportSink::latestUri).join();
        LOG.warn("training attempt {} failed ({}); restarting from {}", attempt, failure,
            latest != null ? latest : resume != null ? resume : "the start");
        if (latest != null) {
          resume = latest;
        }
      }
    } catch (RuntimeException e) {
      error = e;
      throw e;
    } finally {
      Throwable cause = error;
      result = sinkRef.call(s -> s.result(cause, runDir)).join();
      Result ended = result;
      sinkRef.call(s -> {
        s.end(ended, cause);
        return null;
      }).join();
      sinkRef.kill();
      owned.forEach(AirDataset::close);
    }
    return result;
  }

  /**
   * The reports a resumed run keeps: those its run directory already logged up to the
   * checkpoint's {@code training_iteration}, and the checkpoint's own report if the log missed
   * it, so that a run continued in its own directory (a restored Tuner trial) keeps one log.
   */
  private List<Map<String, Object>> earlierReports(String runDir, Configuration hadoop) {
    Object upTo = resumeFrom == null ? null
        : resumeFrom.getMetadata().metrics().get("training_iteration");
    if (!(upTo instanceof Number)) {
      return List.of();
    }
    List<Map<String, Object>> logged = RunFiles.read(runDir, hadoop);
    if (logged.isEmpty()) {
      return List.of();
    }
    long last = ((Number) upTo).longValue();
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> report : logged) {
      Object iteration = report.get("training_iteration");
      if (iteration instanceof Number && ((Number) iteration).longValue() <= last) {
        kept.add(report);
      }
    }
    if (kept.isEmpty()
        || ((Number) kept.get(kept.size() - 1).get("training_iteration")).longValue() < last) {
      kept.add(new LinkedHashMap<>(resumeFrom.getMetadata().metrics()));
    }
    return kept;
  }

  /** Fits and applies the preprocessor; returns it fitted (or null without one). */
  private Preprocessor prepare(Map<String, AirDataset> prepared, List<AirDataset> owned) {
    if (workerGroups != null && (preprocessor != null || (resumeFrom != null
        && resumeFrom.getPreprocessor() != null))) {
      workerGroups.stopIdle();
    }
    Preprocessor p = preprocessor;
    if (resumeFrom != null && resumeFrom.getPreprocessor() != null) {
      p = resumeFrom.getPreprocessor();
    } else if (p != null) {
      AirDataset train = datasets.get("train");
      if (train == null) {
        throw new IllegalArgumentException("a preprocessor is fitted on the \"train\" dataset, "
            + "but the datasets are " + datasets.keySet());
      }
      p = Preprocessors.fromJson(Preprocessors.toJson(p));
      p.fit(train);
    }
    for (Map.Entry<String, AirDataset> e : datasets.entrySet()) {
      if (p == null) {
        prepared.put(e.getKey(), e.getValue());
      } else {
        AirDataset transformed = p.transform(e.getValue());
        owned.add(transformed);
        prepared.put(e.getKey(), transformed);
      }
    }
    return p;
  }

  /**
   * Runs one attempt; returns null on success, or why it failed. Blocks lost with an executor
   * are recomputed first, while the cluster's task slots are still free for Spark.
   */
  private Throwable runAttempt(Air air, Map<String, AirDataset> prepared, String runDir,
      String resume, String preprocessorJson, ActorRef<ReportSink> sink) {
    int n = scaling.numWorkers();
    Map<String, Object> config = new LinkedHashMap<>(loopConfig);
    boolean failed = true;
    List<AirDataset> shards = new ArrayList<>();
    TrainLoop body = trainLoop();
    prepared.values().forEach(AirDataset::recoverLostBlocks);
    config.putAll(startAttempt(n));
    ActorGroup<TrainWorker> group = workerGroups != null ? workerGroups.take(air, scaling)
        : air.spawnGroup(n, rank -> new TrainWorker(), SpawnOptions.defaults()
            .cpus(scaling.cpusPerWorker()).gpus(scaling.useGpu() ? 1 : 0));
    try {
      List<String> executors = group.executors();
      List<Map<String, BlockSet>> perRank = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        perRank.add(new HashMap<>());
      }
      for (Map.Entry<String, AirDataset> e : prepared.entrySet()) {
        List<AirDataset> split = e.getValue().split(n, executors);
        shards.addAll(split);
        for (int r = 0; r < n; r++) {
          perRank.get(r).put(e.getKey(), split.get(r).blockSet());
        }
      }
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        WorkerSetup setup = new WorkerSetup(r, n, localRank(executors, r),
            scaling.cpusPerWorker(), perRank.get(r), resume, runDir, preprocessorJson, sink);
        running.add(group.get(r).call(w -> w.run(body, config, setup)));
      }
      Throwable failure = firstFailure(running);
      failed = failure != null;
      return failure;
    } finally {
      if (failed || workerGroups == null) {
        group.close();
      } else {
        workerGroups.giveBack(scaling, group);
      }
      shards.forEach(AirDataset::close);
      if (failed) {
        try {
          endAttempt(true);
        } catch (RuntimeException e) {
          LOG.warn("ending the failed attempt: {}", e.toString());
        }
      } else {
        endAttempt(false);
      }
    }
  }

  private static int localRank(List<String> executors, int rank) {
    int local = 0;
    for (int r = 0; r < rank; r++) {
      if (executors.get(r).equals(executors.get(rank))) {
        local++;
      }
    }
    return local;
  }

  /**
   * Waits for every worker, or for the first to fail. On a failure, waits a moment for the
   * others to fail too, and returns the root cause: a dead worker, else the first failure,
   * rather than the collective errors it caused in its peers.
   */
  private static Throwable firstFailure(List<CompletableFuture<Void>> running) {
    CompletableFuture<Void> firstError = new CompletableFuture<>();
    running.forEach(f -> f.whenComplete((v, t) -> {
      if (t != null) {
        firstError.completeExceptionally(t);
      }
    }));
    try {
      CompletableFuture.anyOf(CompletableFuture.allOf(running.toArray(new CompletableFuture[0])),
          firstError).get();
      return null;
    } catch (ExecutionException e) {
      List<Throwable> failures = new ArrayList<>();
      long deadline = System.nanoTime() + FAILURE_GRACE_NANOS;
      for (CompletableFuture<Void> f : running) {
        try {
          f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
          failures.add(unwrap(failed.getCause()));
        } catch (TimeoutException | InterruptedException stillRunning) {
          if (stillRunning instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
        }
      }
      Throwable first = unwrap(e.getCause());
      Throwable root = failures.stream().filter(t -> t instanceof ActorDiedException)
          .findFirst().orElse(failures.contains(first) || failures.isEmpty() ? first
              : failures.get(0));
      failures.stream().filter(t -> t != root).forEach(root::addSuppressed);
      return root;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
