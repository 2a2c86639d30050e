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

import io.sparkair.train.CheckpointConfig;
import io.sparkair.train.FailureConfig;
import io.sparkair.train.RunConfig;
import io.sparkair.train.RunStorage;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * What an experiment must keep to continue after its driver stops: the run settings, every trial
 * suggested so far with its status, and what the searcher and scheduler were told, in order (its
 * events). It is saved as JSON ({@link ExperimentState}, {@code tuner.json}) whenever a trial
 * starts or ends; a restore makes a new searcher and scheduler from the search space and tune
 * configuration given again and replays the events to them. The searcher, the scheduler, the trial
 * list and the events change only while this object's monitor is held, so a save is always
 * consistent.
 *
 * <p>An experiment saved by 0.1.0 is one Java-serialized object in {@code tuner.state}; such an
 * experiment is read, continued and saved in that form ({@link LegacyExperimentState}), which is
 * why this class stays {@code Serializable}.
 */
final class Experiment implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String STATE_FILE = "tuner.state";

  /** A trial's lifecycle as saved: it is rerun on restore unless it ended. */
  enum State {
    PENDING,
    RUNNING,
    TERMINATED,
    ERROR
  }

  /** One suggested trial. */
  static final class Trial implements Serializable {
    private static final long serialVersionUID = 1L;
    final String id;
    final Map<String, Object> config;
    State state = State.PENDING;
    String error;
    boolean stopped;

    Trial(String id, Map<String, Object> config) {
      this.id = id;
      this.config = config;
    }

    boolean ended() {
      return state == State.TERMINATED || state == State.ERROR;
    }
  }

  final String name;
  final Map<String, ?> paramSpace;
  final TuneConfig tuneConfig;
  final Searcher searcher;
  final TrialScheduler scheduler;
  final int verbose;
  final CheckpointConfig checkpointConfig;
  final FailureConfig failureConfig;
  final List<Trial> trials = new ArrayList<>();

  /** What the searcher and scheduler were told, in order; null when read from a 0.1.0 save. */
  private transient List<Map<String, Object>> events = new ArrayList<>();

  Experiment(
      String name,
      Map<String, ?> paramSpace,
      TuneConfig tuneConfig,
      Searcher searcher,
      RunConfig runConfig) {
    this.name = name;
    this.paramSpace = paramSpace;
    this.tuneConfig = tuneConfig;
    this.searcher = searcher;
    this.scheduler = tuneConfig.scheduler();
    this.verbose = runConfig.verbose();
    this.checkpointConfig = runConfig.checkpointConfig();
    this.failureConfig = runConfig.failureConfig();
  }

  /** The run configuration of a restored experiment stored under {@code storagePath}. */
  RunConfig runConfig(String storagePath) {
    return new RunConfig()
        .setName(name)
        .setStoragePath(storagePath)
        .setVerbose(verbose)
        .setCheckpointConfig(checkpointConfig)
        .setFailureConfig(failureConfig);
  }

  /** Asks the searcher for the next trial and records it; null when the search is over. */
  synchronized Trial suggest() {
    String id = String.format(Locale.ROOT, "trial_%05d", trials.size());
    Map<String, Object> config = searcher.suggest(id);
    if (config == null) {
      return null;
    }
    Trial trial = new Trial(id, config);
    trials.add(trial);
    record("suggest", id, null, null);
    return trial;
  }

  /** Tells the scheduler about a report; true when the trial is to stop. */
  synchronized boolean shouldStopAfter(String trialId, Map<String, Object> metrics) {
    record("result", trialId, metrics, null);
    return scheduler.onTrialResult(trialId, metrics) == TrialScheduler.Decision.STOP;
  }

  synchronized void started(Trial trial) {
    trial.state = State.RUNNING;
  }

  /**
   * A trial ended, on its own or stopped by the scheduler: the scheduler and searcher learn it, and
   * its status is recorded.
   */
  synchronized void ended(
      Trial trial, Map<String, Object> lastMetrics, Throwable error, boolean stoppedByScheduler) {
    record("complete", trial.id, lastMetrics, error != null);
    scheduler.onTrialComplete(trial.id);
    searcher.onTrialComplete(trial.id, lastMetrics, error != null);
    trial.state = error == null ? State.TERMINATED : State.ERROR;
    trial.error = error == null ? null : error.toString();
    trial.stopped = stoppedByScheduler;
  }

  private void record(String event, String trialId, Map<String, Object> metrics, Boolean error) {
    if (events == null) {
      return;
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("event", event);
    entry.put("trial", trialId);
    if (metrics != null) {
      entry.put("metrics", new LinkedHashMap<>(metrics));
    }
    if (error != null) {
      entry.put("error", error);
    }
    events.add(entry);
  }

  /** The events so far, in order; null for an experiment read from a 0.1.0 save. */
  synchronized List<Map<String, Object>> events() {
    return events == null ? null : List.copyOf(events);
  }

  /** The trial with this id. */
  synchronized Trial trial(String id) {
    for (Trial t : trials) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("the experiment has no trial " + id);
  }

  /**
   * Saves this experiment in {@code dir}, as JSON, or in 0.1.0's form when it was read from one.
   *
   * @return why the experiment could not be saved, or null when it was
   */
  String save(String dir, Configuration hadoop) {
    if (events == null) {
      return LegacyExperimentState.save(this, dir, hadoop);
    }
    String json;
    synchronized (this) {
      json = ExperimentState.write(this);
    }
    RunStorage.write(
        dir + "/" + ExperimentState.FILE, json.getBytes(StandardCharsets.UTF_8), hadoop);
    return null;
  }

  /** Whether {@code dir} holds a saved experiment, of this version or of 0.1.0. */
  static boolean exists(String dir, Configuration hadoop) {
    return RunStorage.exists(dir + "/" + ExperimentState.FILE, hadoop)
        || RunStorage.exists(dir + "/" + STATE_FILE, hadoop);
  }
}
