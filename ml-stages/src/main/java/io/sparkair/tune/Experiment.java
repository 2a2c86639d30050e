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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * What an experiment must keep to continue after its driver stops: the search space, the tune
 * configuration with the searcher and scheduler in their current state, the run settings and every
 * trial suggested so far with its status. It is saved whole, as Java serialization, to {@code
 * tuner.state} in the experiment directory whenever a trial starts or ends; the searcher, the
 * scheduler and the trial list change only while this object's monitor is held, so a save is always
 * consistent.
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
    return trial;
  }

  /** Tells the scheduler about a report; true when the trial is to stop. */
  synchronized boolean shouldStopAfter(String trialId, Map<String, Object> metrics) {
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
    scheduler.onTrialComplete(trial.id);
    searcher.onTrialComplete(trial.id, lastMetrics, error != null);
    trial.state = error == null ? State.TERMINATED : State.ERROR;
    trial.error = error == null ? null : error.toString();
    trial.stopped = stoppedByScheduler;
  }

  /**
   * Saves this experiment to {@code dir/tuner.state}, replacing the previous save only once the new
   * one is written whole (on local storage; other storage replaces it as its file system does). An
   * experiment with a part that cannot be serialized (a search-space function, a searcher, a
   * scheduler) is not saved: it runs, but cannot be restored.
   *
   * @return why the experiment could not be saved, or null when it was
   */
  String save(String dir, Configuration hadoop) {
    byte[] bytes;
    synchronized (this) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
        out.writeObject(this);
      } catch (NotSerializableException e) {
        return e.getMessage() + " is not serializable";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes = buffer.toByteArray();
    }
    RunStorage.write(dir + "/" + STATE_FILE, bytes, hadoop);
    return null;
  }

  /** Whether {@code dir} holds a saved experiment. */
  static boolean exists(String dir, Configuration hadoop) {
    return RunStorage.exists(dir + "/" + STATE_FILE, hadoop);
  }

  /**
   * Loads the experiment saved in {@code dir}, resolving classes through the thread's context class
   * loader (the application's).
   *
   * @throws IllegalArgumentException when {@code dir} holds no saved experiment
   */
  static Experiment load(String dir, Configuration hadoop) {
    byte[] saved = RunStorage.readIfExists(dir + "/" + STATE_FILE, hadoop);
    if (saved == null) {
      throw new IllegalArgumentException(
          "no experiment to restore at "
              + dir
              + " (it has no "
              + STATE_FILE
              + "; an experiment whose search space, searcher or scheduler is not "
              + "serializable is not saved)");
    }
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(saved))) {
      return (Experiment) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read the experiment saved in " + dir + ": " + e, e);
    }
  }

  /** Resolves classes through the thread's context class loader. */
  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        return super.resolveClass(desc);
      }
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
