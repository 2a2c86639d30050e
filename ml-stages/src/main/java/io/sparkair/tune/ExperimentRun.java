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
package io.sparkair.tune;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.train.ProgressOutput;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.RunStorage;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.Trainer;
import io.sparkair.train.TrainingCallback;
import io.sparkair.train.TrainingFailedException;
import io.sparkair.train.WorkerGroups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a {@link Tuner}'s experiment: launches its trials as their task slots come free,
 * asks the scheduler after each report whether a trial goes on, saves the experiment's state, and
 * prints and writes the progress.
 *
 * <p>The class is long because launching, stopping, restoring and recording trials share the run's
 * slot budget and trial table; the search itself is in {@code Experiment} and the searchers.
 */
final class ExperimentRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExperimentRun.class);
  private static final long TABLE_EVERY_SECONDS = 10;

  private final Trainer trainer;
  private final TuneConfig tuneConfig;
  private final RunConfig runConfig;
  private final Experiment experiment;
  private final String dir;
  private final Configuration hadoop;
  private final int budget;
  private final Semaphore slots;
  private final Semaphore trialsAllowed;
  private final long deadline;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "air-tune-trial");
            t.setDaemon(true);
            return t;
          });
  private final ProgressReporter progress;
  private final WorkerGroups groups;
  private final List<TrialStatus> statuses = new CopyOnWriteArrayList<>();
  private final Map<String, Future<TrialResult>> outcomes = new LinkedHashMap<>();
  private boolean unsaved;

  ExperimentRun(
      Trainer trainer,
      TuneConfig tuneConfig,
      RunConfig runConfig,
      Experiment experiment,
      String dir,
      Configuration hadoop,
      int totalSlots) {
    this.trainer = trainer;
    this.tuneConfig = tuneConfig;
    this.runConfig = runConfig;
    this.experiment = experiment;
    this.dir = dir;
    this.hadoop = hadoop;
    this.budget =
        Math.max(1, (int) Math.floor(totalSlots * (1 - tuneConfig.reservedCpuFraction())));
    this.slots = new Semaphore(budget, true);
    this.trialsAllowed =
        new Semaphore(
            tuneConfig.maxConcurrentTrials() > 0
                ? tuneConfig.maxConcurrentTrials()
                : Integer.MAX_VALUE);
    Duration limit = tuneConfig.timeLimit();
    this.deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
    this.progress = new ProgressReporter(experiment.name, tuneConfig.metric());
    this.groups = tuneConfig.reuseActors() ? new WorkerGroups() : null;
  }

  /** Stops the trials' threads and the worker groups kept between trials. */
  @Override
  public void close() {
    pool.shutdownNow();
    if (groups != null) {
      groups.close();
    }
  }

  boolean pastDeadline() {
    return System.nanoTime() - deadline > 0;
  }

  /**
   * A trial of the saved experiment: one that ended keeps its result; one that was pending or
   * running runs again, from its latest checkpoint if it has one.
   */
  void resumeOrKeep(Experiment.Trial trial) throws InterruptedException {
    String trialDir = dir + "/" + trial.id;
    Result saved = RunStorage.exists(trialDir, hadoop) ? Result.fromPath(trialDir, hadoop) : null;
    if (!trial.ended()) {
      launch(trial, saved == null ? null : saved.checkpoint());
      return;
    }
    TrialStatus status = new TrialStatus(trial.id, trial.config);
    statuses.add(status);
    status.end(
        saved == null ? List.of() : saved.metricsHistory(),
        trial.state.name(),
        tuneConfig.metric());
    Throwable error =
        trial.error == null
            ? null
            : new TrainingFailedException(
                "the trial failed before the restore: " + trial.error, null);
    outcomes.put(
        trial.id,
        CompletableFuture.completedFuture(
            new TrialResult(trial.id, trial.config, saved, error, trial.stopped)));
  }

  /**
   * Starts a trial once its slots are free; false when the time limit passed first (the trial stays
   * pending).
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
    outcomes.put(
        trial.id,
        pool.submit(
            () -> {
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
      ProgressOutput.current().show(experiment.name, progress.table(statuses).stripTrailing());
    }
  }

  private TrialResult runTrial(Experiment.Trial trial, TrialStatus status, Trainer configured) {
    String id = trial.id;
    write(dir + "/" + id + "/params.json", ConfigJson.write(trial.config), hadoop);
    StopByScheduler stop = new StopByScheduler(status, id, this);
    RunConfig run =
        new RunConfig()
            .setName(id)
            .setStoragePath(dir)
            .setVerbose(0)
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
        error =
            new IllegalArgumentException(
                "trial "
                    + id
                    + " never reported '"
                    + metric
                    + "'; it reported "
                    + result.metrics().keySet());
      }
    } catch (RuntimeException e) {
      error = e;
    }
    experiment.ended(trial, result == null ? Map.of() : result.metrics(), error, stop.stopped);
    status.end(
        result == null ? List.of() : result.metricsHistory(),
        error != null ? "ERROR" : "TERMINATED",
        tuneConfig.metric());
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
          throw new IllegalStateException(
              "a trial could not be run: " + e.getCause(), e.getCause());
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
   * Saves the experiment for {@link Tuner#restore(String, Trainer, Map, TuneConfig)} and writes
   * {@code experiment_state.json}: every trial's status, configuration, last result and error.
   */
  synchronized void save() {
    if (!unsaved) {
      String why = experiment.save(dir, hadoop);
      if (why != null) {
        unsaved = true;
        LOG.warn(
            "experiment {}, restored from Spark AIR 0.1.0's tuner.state, cannot be saved in that "
                + "form any more: {}",
            experiment.name,
            why);
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

  /**
   * A trial the scheduler stopped counts as stopped early only if it ran fewer iterations than the
   * longest trial: a stop at the scheduler's {@code maxT} is a normal end.
   */
  private static List<TrialResult> markStoppedEarly(
      List<TrialResult> trials, List<TrialStatus> statuses) {
    int longest = trials.stream().mapToInt(ExperimentRun::iterations).max().orElse(0);
    List<TrialResult> marked = new ArrayList<>();
    for (TrialResult t : trials) {
      boolean early = t.stoppedEarly() && iterations(t) < longest;
      marked.add(new TrialResult(t.trialId(), t.config(), t.result(), t.error(), early));
      if (early) {
        statuses.stream()
            .filter(s -> s.trialId.equals(t.trialId()))
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
    private final ExperimentRun run;
    private volatile boolean stopped;

    StopByScheduler(TrialStatus status, String trialId, ExperimentRun run) {
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

  static void write(String file, String content, Configuration hadoop) {
    RunStorage.write(file, content.getBytes(StandardCharsets.UTF_8), hadoop);
  }
}
