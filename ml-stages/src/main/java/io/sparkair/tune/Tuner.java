package io.sparkair.tune;

import io.sparkair.plugin.Air;
import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.TrainingCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Searches a trainer's configurations (Ray's {@code Tuner}): the searcher proposes each trial's
 * configuration from the parameter space (any field {@link DataParallelTrainer#withConfig}
 * takes: {@code params}, {@code scalingConfig}, {@code preprocessor}, {@code numBoostRound},
 * {@code trainLoopConfig}), each trial is a training run of its own, the scheduler may stop a
 * trial after any report, and {@link #fit()} returns every trial in a {@link ResultGrid}.
 * Trials run concurrently while the cluster's task slots allow; every trial trains on the same
 * dataset blocks. A failing trial is reported in {@link ResultGrid#errors()} and the others go
 * on.
 *
 * <p>The experiment directory {@code <storagePath>/<name>} holds {@code experiment_state.json},
 * {@code report.html} (the metric's curve per trial) and one directory per trial with
 * {@code params.json}, {@code result.json}, {@code progress.csv} and its checkpoints. With
 * {@code verbose > 0} a table of the trials is printed every 10 seconds and at the end.
 */
public final class Tuner {
  private static final long TABLE_EVERY_SECONDS = 10;

  private final DataParallelTrainer trainer;
  private final Map<String, ?> paramSpace;
  private final TuneConfig tuneConfig;
  private final RunConfig runConfig;

  /** A tuner of {@code trainer} over {@code paramSpace}. */
  public Tuner(DataParallelTrainer trainer, Map<String, ?> paramSpace, TuneConfig tuneConfig,
      RunConfig runConfig) {
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    this.paramSpace = Objects.requireNonNull(paramSpace, "paramSpace");
    this.tuneConfig = Objects.requireNonNull(tuneConfig, "tuneConfig");
    this.runConfig = Objects.requireNonNull(runConfig, "runConfig");
  }

  /**
   * Runs the experiment.
   *
   * @throws IllegalArgumentException when the configuration is wrong: no metric, a parameter
   *     the trainer has no field for (found before any trial runs)
   */
  public ResultGrid fit() {
    if (tuneConfig.metric() == null) {
      throw new IllegalArgumentException("TuneConfig needs a metric and mode (setMetric)");
    }
    SparkSession spark = SparkSession.active();
    Air air = Air.get(spark);
    String name = runConfig.name() != null ? runConfig.name() : "Tuner_"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss"));
    String dir = runConfig.storagePath() + "/" + name;
    Searcher searcher = tuneConfig.searcher() != null ? tuneConfig.searcher()
        : new BasicVariantGenerator(tuneConfig.numSamples());
    searcher.setup(paramSpace, tuneConfig.metric(), tuneConfig.mode(), tuneConfig.seed());
    TrialScheduler scheduler = tuneConfig.scheduler();
    scheduler.setup(tuneConfig.metric(), tuneConfig.mode());

    int slotsPerTrial = trainer.scalingConfig().numWorkers()
        * trainer.scalingConfig().cpusPerWorker();
    int concurrency = tuneConfig.maxConcurrentTrials() > 0 ? tuneConfig.maxConcurrentTrials()
        : Math.max(1, (int) Math.floor(air.totalSlots() * (1 - tuneConfig.reservedCpuFraction()))
            / slotsPerTrial);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "air-tune-trial");
      t.setDaemon(true);
      return t;
    });
    Semaphore running = new Semaphore(concurrency);
    ProgressReporter progress = new ProgressReporter(name, tuneConfig.metric());
    List<TrialStatus> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> ids = new ArrayList<>();
    List<Future<TrialResult>> futures = new ArrayList<>();
    try {
      while (true) {
        String id = String.format(Locale.ROOT, "trial_%05d", ids.size());
        Map<String, Object> config;
        synchronized (searcher) {
          config = searcher.suggest(id);
        }
        if (config == null) {
          break;
        }
        DataParallelTrainer trial = trainer.withConfig(config);
        ids.add(id);
        TrialStatus status = new TrialStatus(id, config);
        statuses.add(status);
        running.acquireUninterruptibly();
        futures.add(pool.submit(() -> {
          try {
            return runTrial(status, trial, dir, searcher, scheduler, spark);
          } finally {
            running.release();
          }
        }));
      }
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("the search space gave no trial");
      }
      List<TrialResult> trials = new ArrayList<>();
      for (Future<TrialResult> f : futures) {
        while (true) {
          try {
            trials.add(f.get(TABLE_EVERY_SECONDS, TimeUnit.SECONDS));
            break;
          } catch (TimeoutException stillRunning) {
            if (runConfig.verbose() > 0) {
              System.out.print(progress.table(statuses));
            }
          }
        }
      }
      trials = markStoppedEarly(trials, statuses);
      writeState(dir, trials, spark);
      write(dir + "/report.html", progress.html(statuses), spark);
      if (runConfig.verbose() > 0) {
        System.out.print(progress.table(statuses));
      }
      return new ResultGrid(trials, tuneConfig.metric(), tuneConfig.mode(), dir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trials ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a trial could not be run: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private TrialResult runTrial(TrialStatus status, DataParallelTrainer trial, String dir,
      Searcher searcher, TrialScheduler scheduler, SparkSession spark) {
    String id = status.trialId;
    Map<String, Object> config = status.config;
    write(dir + "/" + id + "/params.json", ConfigJson.write(config), spark);
    StopByScheduler stop = new StopByScheduler(status, tuneConfig.metric(), scheduler);
    RunConfig run = new RunConfig().setName(id).setStoragePath(dir).setVerbose(0)
        .setCheckpointConfig(runConfig.checkpointConfig())
        .setFailureConfig(runConfig.failureConfig());
    runConfig.callbacks().forEach(run::addCallbacks);
    run.addCallbacks(stop);
    Result result = null;
    Throwable error = null;
    try {
      result = trial.setRunConfig(run).fit();
      String metric = tuneConfig.metric();
      if (result.metricsHistory().stream().noneMatch(m -> m.get(metric) instanceof Number)) {
        error = new IllegalArgumentException("trial " + id + " never reported '" + metric
            + "'; it reported " + result.metrics().keySet());
      }
    } catch (RuntimeException e) {
      error = e;
    }
    synchronized (scheduler) {
      scheduler.onTrialComplete(id);
    }
    synchronized (searcher) {
      searcher.onTrialComplete(id, result == null ? Map.of() : result.metrics(), error != null);
    }
    status.ended = System.nanoTime();
    status.state = error != null ? "ERROR" : "TERMINATED";
    return new TrialResult(id, config, result, error, stop.stopped);
  }

  /**
   * A trial the scheduler stopped counts as stopped early only if it ran fewer iterations than
   * the longest trial: a stop at the scheduler's {@code maxT} is a normal end.
   */
  private static List<TrialResult> markStoppedEarly(List<TrialResult> trials,
      List<TrialStatus> statuses) {
    int longest = trials.stream().mapToInt(Tuner::iterations).max().orElse(0);
    List<TrialResult> marked = new ArrayList<>();
    for (int i = 0; i < trials.size(); i++) {
      TrialResult t = trials.get(i);
      boolean early = t.stoppedEarly() && iterations(t) < longest;
      marked.add(new TrialResult(t.trialId(), t.config(), t.result(), t.error(), early));
      if (early) {
        statuses.get(i).state = "STOPPED";
      }
    }
    return marked;
  }

  private static int iterations(TrialResult t) {
    Object i = t.metrics().get("training_iteration");
    return i instanceof Number ? ((Number) i).intValue() : 0;
  }

  /** Asks the scheduler after each report whether the trial goes on. */
  private static final class StopByScheduler implements TrainingCallback {
    private final TrialStatus status;
    private final String metric;
    private final TrialScheduler scheduler;
    private volatile boolean stopped;

    StopByScheduler(TrialStatus status, String metric, TrialScheduler scheduler) {
      this.status = status;
      this.metric = metric;
      this.scheduler = scheduler;
    }

    @Override
    public void onReport(Map<String, Object> metrics) {
      status.report(metrics, metric);
      synchronized (scheduler) {
        if (scheduler.onTrialResult(status.trialId, metrics) == TrialScheduler.Decision.STOP) {
          stopped = true;
        }
      }
    }

    @Override
    public boolean shouldStop() {
      return stopped;
    }
  }

  private void writeState(String dir, List<TrialResult> trials, SparkSession spark) {
    List<Map<String, Object>> state = new ArrayList<>();
    for (TrialResult t : trials) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("trial_id", t.trialId());
      entry.put("status", t.error() != null ? "ERROR" : "TERMINATED");
      entry.put("stopped_early", t.stoppedEarly());
      entry.put("config", t.config());
      entry.put("last_result", t.metrics());
      entry.put("error", t.error() == null ? null : t.error().toString());
      state.add(entry);
    }
    Map<String, Object> experiment = new LinkedHashMap<>();
    experiment.put("metric", tuneConfig.metric());
    experiment.put("mode", tuneConfig.mode());
    experiment.put("seed", tuneConfig.seed());
    experiment.put("trials", state);
    write(dir + "/experiment_state.json", ConfigJson.write(experiment), spark);
  }

  private static void write(String file, String content, SparkSession spark) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (java.io.OutputStream out = fs.create(path, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e, e);
    }
  }
}
