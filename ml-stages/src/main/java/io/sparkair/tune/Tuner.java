package io.sparkair.tune;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.plugin.Air;
import io.sparkair.train.Trainer;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.RunStorage;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.StorageLocation;
import io.sparkair.train.TrainingCallback;
import io.sparkair.train.TrainingFailedException;
import io.sparkair.train.WorkerGroups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches a trainer's configurations (Ray's {@code Tuner}): the searcher proposes each trial's
 * configuration from the parameter space (any field {@link Trainer#withConfig}
 * takes: {@code params}, {@code scalingConfig}, {@code preprocessor}, {@code numBoostRound},
 * {@code trainLoopConfig}), each trial is a training run of its own, the scheduler may stop a
 * trial after any report, and {@link #fit()} returns every trial in a {@link ResultGrid}.
 *
 * <p>Trials run concurrently while the cluster's task slots allow: each takes its
 * {@code numWorkers * cpusPerWorker} slots from a budget of the cluster's slots less the
 * {@link TuneConfig#setReservedCpuFraction reserved share}, so trials of different sizes mix.
 * Every trial trains on the same dataset blocks. A failing trial is retried from its latest
 * checkpoint as the {@code FailureConfig} allows, then reported in {@link ResultGrid#errors()}
 * while the others go on.
 *
 * <p>The experiment directory {@code <storagePath>/<name>} holds {@code experiment_state.json},
 * {@code tuner.state} (what {@link #restore} reads), {@code report.html} (the metric's curve
 * per trial) and one directory per trial with {@code params.json}, {@code result.json},
 * {@code progress.csv} and its checkpoints. With {@code verbose > 0} a table of the trials is
 * printed every 10 seconds and at the end.
 */
public final class Tuner {
  private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);
  private static final long TABLE_EVERY_SECONDS = 10;

  private final Trainer trainer;
  private final Map<String, ?> paramSpace;
  private final TuneConfig tuneConfig;
  private final RunConfig runConfig;
  private final Experiment restored;

  /** A tuner of {@code trainer} over {@code paramSpace}. */
  public Tuner(Trainer trainer, Map<String, ?> paramSpace, TuneConfig tuneConfig,
      RunConfig runConfig) {
    this(trainer, paramSpace, tuneConfig, runConfig, null);
  }

  private Tuner(Trainer trainer, Map<String, ?> paramSpace, TuneConfig tuneConfig,
      RunConfig runConfig, Experiment restored) {
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    this.paramSpace = Objects.requireNonNull(paramSpace, "paramSpace");
    this.tuneConfig = Objects.requireNonNull(tuneConfig, "tuneConfig");
    this.runConfig = Objects.requireNonNull(runConfig, "runConfig");
    this.restored = restored;
  }

  /**
   * A tuner that continues the interrupted experiment in {@code path} (an experiment
   * directory) when {@link #fit()} is called: trials that ended are not run again, trials that
   * were running resume from their latest checkpoint, and the searcher and scheduler carry on
   * from their saved state. {@code trainer} supplies what cannot be saved: the datasets and the
   * training loop; the search space and configuration are the saved ones. Run callbacks are not
   * saved, nor is an experiment whose search space, searcher or scheduler is not serializable
   * (a warning says so when it runs).
   *
   * @throws IllegalArgumentException when {@code path} holds no saved experiment
   */
  public static Tuner restore(String path, Trainer trainer) {
    Configuration hadoop = Air.currentSession().sparkContext().hadoopConfiguration();
    Experiment experiment = Experiment.load(path, hadoop);
    Path dir = new Path(path);
    return new Tuner(trainer, experiment.paramSpace, experiment.tuneConfig,
        experiment.runConfig(dir.getParent().toString()), experiment);
  }

  /** Whether {@code path} holds an experiment {@link #restore} can continue. */
  public static boolean canRestore(String path) {
    return Experiment.exists(path,
        Air.currentSession().sparkContext().hadoopConfiguration());
  }

  /**
   * Runs the experiment, or continues a restored one.
   *
   * @throws IllegalArgumentException when the configuration is wrong: no metric, a parameter
   *     the trainer has no field for, {@code numSamples} with a searcher of its own, a search
   *     space that gives no trial (found before any trial runs)
   */
  public ResultGrid fit() {
    if (tuneConfig.metric() == null) {
      throw new IllegalArgumentException("TuneConfig needs a metric and mode (setMetric)");
    }
    SparkSession spark = Air.currentSession();
    StorageLocation.requireReachable(runConfig.storagePath(), spark);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Experiment experiment = restored != null ? restored : newExperiment();
    Run run = new Run(experiment, runConfig.storagePath() + "/" + experiment.name, hadoop,
        Air.get(spark).maxSlots());
    try {
      run.save();
      for (Experiment.Trial trial : new ArrayList<>(experiment.trials)) {
        run.resumeOrKeep(trial);
      }
      while (!run.pastDeadline()) {
        Experiment.Trial trial = experiment.suggest();
        if (trial == null) {
          break;
        }
        if (!run.launch(trial, null)) {
          break;
        }
      }
      if (experiment.trials.isEmpty()) {
        throw new IllegalArgumentException("the search space gave no trial");
      }
      return run.finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trials ran", e);
    } finally {
      run.pool.shutdownNow();
      if (run.groups != null) {
        run.groups.close();
      }
    }
  }

  private Experiment newExperiment() {
    String name = runConfig.name() != null ? runConfig.name() : "Tuner_"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss"));
    if (tuneConfig.searcher() != null && tuneConfig.numSamples() != 1) {
      throw new IllegalArgumentException("TuneConfig sets numSamples=" + tuneConfig.numSamples()
          + " and a searcher (" + tuneConfig.searcher().getClass().getSimpleName() + "); "
          + "numSamples is for the basic variant generator, give the searcher its own count");
    }
    Searcher searcher = tuneConfig.searcher() != null ? tuneConfig.searcher()
        : new BasicVariantGenerator(tuneConfig.numSamples());
    searcher.setup(paramSpace, tuneConfig.metric(), tuneConfig.mode(), tuneConfig.seed());
    tuneConfig.scheduler().setup(tuneConfig.metric(), tuneConfig.mode());
    return new Experiment(name, paramSpace, tuneConfig, searcher, runConfig);
  }

  /** One execution of the experiment: its trials, their slots and the progress output. */
  private final class Run {
    final Experiment experiment;
    final String dir;
    final Configuration hadoop;
    final int budget;
    final Semaphore slots;
    final Semaphore trialsAllowed;
    final long deadline;
    final ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "air-tune-trial");
      t.setDaemon(true);
      return t;
    });
    final ProgressReporter progress;
    final WorkerGroups groups = tuneConfig.reuseActors() ? new WorkerGroups() : null;
    final List<TrialStatus> statuses = new CopyOnWriteArrayList<>();
    final Map<String, Future<TrialResult>> outcomes = new LinkedHashMap<>();
    boolean unsaved;

    Run(Experiment experiment, String dir, Configuration hadoop, int totalSlots) {
      this.experiment = experiment;
      this.dir = dir;
      this.hadoop = hadoop;
      this.budget = Math.max(1,
          (int) Math.floor(totalSlots * (1 - tuneConfig.reservedCpuFraction())));
      this.slots = new Semaphore(budget, true);
      this.trialsAllowed = new Semaphore(tuneConfig.maxConcurrentTrials() > 0
          ? tuneConfig.maxConcurrentTrials() : Integer.MAX_VALUE);
      Duration limit = tuneConfig.timeLimit();
      this.deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
      this.progress = new ProgressReporter(experiment.name, tuneConfig.metric());
    }

    boolean pastDeadline() {
      return System.nanoTime() - deadline > 0;
    }

    /**
     * A trial of the saved experiment: one that ended keeps its result; one that was pending
     * or running runs again, from its latest checkpoint if it has one.
     */
    void resumeOrKeep(Experiment.Trial trial) throws InterruptedException {
      String trialDir = dir + "/" + trial.id;
      Result saved = RunStorage.exists(trialDir, hadoop) ? Result.fromPath(trialDir, hadoop)
          : null;
      if (!trial.ended()) {
        launch(trial, saved == null ? null : saved.checkpoint());
        return;
      }
      TrialStatus status = new TrialStatus(trial.id, trial.config);
      statuses.add(status);
      status.end(saved == null ? List.of() : saved.metricsHistory(), trial.state.name(),
          tuneConfig.metric());
      Throwable error = trial.error == null ? null
          : new TrainingFailedException("the trial failed before the restore: " + trial.error,
              null);
      outcomes.put(trial.id, CompletableFuture.completedFuture(
          new TrialResult(trial.id, trial.config, saved, error, trial.stopped)));
    }

    /**
     * Starts a trial once its slots are free; false when the time limit passed first (the
     * trial stays pending).
     */
    boolean launch(Experiment.Trial trial, Checkpoint resumeFrom) throws InterruptedException {
      Trainer configured = trainer.withConfig(trial.config);
      if (resumeFrom != null) {
        configured.setResumeFromCheckpoint(resumeFrom);
      }
      if (groups != null) {
        configured.setWorkerGroups(groups);
      }
      ScalingConfig scaling = configured.scalingConfig();
      int need = Math.min(budget, scaling.numWorkers() * scaling.cpusPerWorker());
      TrialStatus status = new TrialStatus(trial.id, trial.config);
      statuses.add(status);
      acquire(trialsAllowed, 1);
      acquire(slots, need);
      if (pastDeadline()) {
        slots.release(need);
        trialsAllowed.release();
        return false;
      }
      experiment.started(trial);
      status.start();
      outcomes.put(trial.id, pool.submit(() -> {
        try {
          return runTrial(trial, status, configured);
        } finally {
          slots.release(need);
          trialsAllowed.release();
        }
      }));
      return true;
    }

    /** Waits for permits, printing the table every 10 seconds meanwhile. */
    private void acquire(Semaphore semaphore, int permits) throws InterruptedException {
      while (!semaphore.tryAcquire(permits, TABLE_EVERY_SECONDS, TimeUnit.SECONDS)) {
        printTable();
        save();
      }
    }

    private void printTable() {
      if (runConfig.verbose() > 0) {
        System.out.print(progress.table(statuses));
      }
    }

    private TrialResult runTrial(Experiment.Trial trial, TrialStatus status,
        Trainer configured) {
      String id = trial.id;
      write(dir + "/" + id + "/params.json", ConfigJson.write(trial.config), hadoop);
      StopByScheduler stop = new StopByScheduler(status, id, this);
      RunConfig run = new RunConfig().setName(id).setStoragePath(dir).setVerbose(0)
          .setCheckpointConfig(runConfig.checkpointConfig())
          .setFailureConfig(runConfig.failureConfig());
      runConfig.callbacks().forEach(run::addCallbacks);
      run.addCallbacks(stop);
      Result result = null;
      Throwable error = null;
      try {
        result = configured.setRunConfig(run).fit();
        String metric = tuneConfig.metric();
        if (result.metricsHistory().stream().noneMatch(m -> m.get(metric) instanceof Number)) {
          error = new IllegalArgumentException("trial " + id + " never reported '" + metric
              + "'; it reported " + result.metrics().keySet());
        }
      } catch (RuntimeException e) {
        error = e;
      }
      experiment.ended(trial, result == null ? Map.of() : result.metrics(), error, stop.stopped);
      status.end(result == null ? List.of() : result.metricsHistory(),
          error != null ? "ERROR" : "TERMINATED", tuneConfig.metric());
      save();
      return new TrialResult(id, trial.config, result, error, stop.stopped);
    }

    ResultGrid finish() throws InterruptedException {
      List<TrialResult> trials = new ArrayList<>();
      for (Future<TrialResult> outcome : outcomes.values()) {
        while (true) {
          try {
            trials.add(outcome.get(TABLE_EVERY_SECONDS, TimeUnit.SECONDS));
            break;
          } catch (TimeoutException stillRunning) {
            printTable();
            save();
          } catch (ExecutionException e) {
            throw new IllegalStateException("a trial could not be run: " + e.getCause(),
                e.getCause());
          }
        }
      }
      trials = markStoppedEarly(trials, statuses);
      save();
      write(dir + "/report.html", progress.html(statuses), hadoop);
      printTable();
      return new ResultGrid(trials, tuneConfig.metric(), tuneConfig.mode(), dir);
    }

    /**
     * Saves the experiment for {@link #restore} and writes {@code experiment_state.json}: every
     * trial's status, configuration, last result and error.
     */
    synchronized void save() {
      if (!unsaved) {
        String why = experiment.save(dir, hadoop);
        if (why != null) {
          unsaved = true;
          LOG.warn("experiment {} cannot be restored: {} (search-space values, searchers and "
              + "schedulers must be serializable to be saved)", experiment.name, why);
        }
      }
      Map<String, String> errors = new LinkedHashMap<>();
      synchronized (experiment) {
        experiment.trials.forEach(t -> errors.put(t.id, t.error));
      }
      List<Map<String, Object>> trials = new ArrayList<>();
      for (TrialStatus status : statuses) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("trial_id", status.trialId);
        entry.put("status", status.state);
        entry.put("config", status.config);
        entry.put("last_result", status.latest);
        entry.put("error", errors.get(status.trialId));
        trials.add(entry);
      }
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("name", experiment.name);
      state.put("metric", tuneConfig.metric());
      state.put("mode", tuneConfig.mode());
      state.put("seed", tuneConfig.seed());
      state.put("trials", trials);
      write(dir + "/experiment_state.json", ConfigJson.write(state), hadoop);
    }
  }

  /**
   * A trial the scheduler stopped counts as stopped early only if it ran fewer iterations than
   * the longest trial: a stop at the scheduler's {@code maxT} is a normal end.
   */
  private static List<TrialResult> markStoppedEarly(List<TrialResult> trials,
      List<TrialStatus> statuses) {
    int longest = trials.stream().mapToInt(Tuner::iterations).max().orElse(0);
    List<TrialResult> marked = new ArrayList<>();
    for (TrialResult t : trials) {
      boolean early = t.stoppedEarly() && iterations(t) < longest;
      marked.add(new TrialResult(t.trialId(), t.config(), t.result(), t.error(), early));
      if (early) {
        statuses.stream().filter(s -> s.trialId.equals(t.trialId()))
            .forEach(s -> s.state = "STOPPED");
      }
    }
    return marked;
  }

  private static int iterations(TrialResult t) {
    Object i = t.metrics().get("training_iteration");
    return i instanceof Number ? ((Number) i).intValue() : 0;
  }

  /** Asks the scheduler after each report whether the trial goes on; stops at the time limit. */
  private final class StopByScheduler implements TrainingCallback {
    private final TrialStatus status;
    private final String trialId;
    private final Run run;
    private volatile boolean stopped;

    StopByScheduler(TrialStatus status, String trialId, Run run) {
      this.status = status;
      this.trialId = trialId;
      this.run = run;
    }

    @Override
    public void onReport(Map<String, Object> metrics) {
      status.report(metrics, tuneConfig.metric());
      if (run.experiment.shouldStopAfter(trialId, metrics)) {
        stopped = true;
      }
    }

    @Override
    public boolean shouldStop() {
      return stopped || run.pastDeadline();
    }
  }

  private static void write(String file, String content, Configuration hadoop) {
    RunStorage.write(file, content.getBytes(StandardCharsets.UTF_8), hadoop);
  }
}
