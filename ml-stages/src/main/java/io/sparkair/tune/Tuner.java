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

import io.sparkair.plugin.Air;
import io.sparkair.train.RunConfig;
import io.sparkair.train.StorageLocation;
import io.sparkair.train.Trainer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Searches a trainer's configurations (Ray's {@code Tuner}): the searcher proposes each trial's
 * configuration from the parameter space (any field {@link Trainer#withConfig} takes: {@code
 * params}, {@code scalingConfig}, {@code preprocessor}, {@code numBoostRound}, {@code
 * trainLoopConfig}), each trial is a training run of its own, the scheduler may stop a trial after
 * any report, and {@link #fit()} returns every trial in a {@link ResultGrid}.
 *
 * <p>Trials run concurrently while the cluster's task slots allow: each takes its {@code numWorkers
 * * cpusPerWorker} slots from a budget of the cluster's slots less the {@link
 * TuneConfig#setReservedCpuFraction reserved share}, so trials of different sizes mix. Every trial
 * trains on the same dataset blocks. A failing trial is retried from its latest checkpoint as the
 * {@code FailureConfig} allows, then reported in {@link ResultGrid#errors()} while the others go
 * on.
 *
 * <p>The experiment directory {@code <storagePath>/<name>} holds {@code experiment_state.json},
 * {@code tuner.json} (what {@link #restore(String, Trainer, Map, TuneConfig)} reads), {@code
 * report.html} (the metric's curve per trial) and one directory per trial with {@code params.json},
 * {@code result.json}, {@code progress.csv} and its checkpoints. With {@code verbose > 0} a table
 * of the trials is printed every 10 seconds and at the end.
 */
public final class Tuner {

  private final Trainer trainer;
  private final Map<String, ?> paramSpace;
  private final TuneConfig tuneConfig;
  private final RunConfig runConfig;
  private final Experiment restored;

  /** A tuner of {@code trainer} over {@code paramSpace}. */
  public Tuner(
      Trainer trainer, Map<String, ?> paramSpace, TuneConfig tuneConfig, RunConfig runConfig) {
    this(trainer, paramSpace, tuneConfig, runConfig, null);
  }

  private Tuner(
      Trainer trainer,
      Map<String, ?> paramSpace,
      TuneConfig tuneConfig,
      RunConfig runConfig,
      Experiment restored) {
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    this.paramSpace = Objects.requireNonNull(paramSpace, "paramSpace");
    this.tuneConfig = Objects.requireNonNull(tuneConfig, "tuneConfig");
    this.runConfig = Objects.requireNonNull(runConfig, "runConfig");
    this.restored = restored;
  }

  /**
   * A tuner that continues the interrupted experiment in {@code path} (an experiment directory)
   * when {@link #fit()} is called: trials that ended are not run again, trials that were running
   * resume from their latest checkpoint, and the searcher and scheduler carry on from where they
   * were. As with Ray's {@code Tuner.restore(path, trainable, param_space=...)}, what holds code is
   * given again: {@code trainer} (the datasets and the training loop), and the search space and
   * tune configuration the experiment ran with, whose searcher and scheduler are brought to their
   * saved state by replaying what they were told; the run settings are the saved ones. Run
   * callbacks are not saved.
   *
   * @throws IllegalArgumentException when {@code path} holds no saved experiment, or when the
   *     search space and configuration given suggest other trials than the saved ones
   */
  public static Tuner restore(
      String path, Trainer trainer, Map<String, ?> paramSpace, TuneConfig tuneConfig) {
    Configuration hadoop = Air.currentSession().sparkContext().hadoopConfiguration();
    if (!ExperimentState.exists(path, hadoop)) {
      if (LegacyExperimentState.exists(path, hadoop)) {
        return restore(path, trainer);
      }
      throw new IllegalArgumentException("no experiment to restore at " + path);
    }
    String storagePath = new Path(path).getParent().toString();
    Experiment experiment =
        ExperimentState.restore(path, hadoop, paramSpace, tuneConfig, storagePath);
    return new Tuner(
        trainer, paramSpace, tuneConfig, experiment.runConfig(storagePath), experiment);
  }

  /**
   * A tuner that continues an experiment saved by Spark AIR 0.1.0, whose {@code tuner.state} holds
   * its search space, searcher and scheduler; otherwise as {@link #restore(String, Trainer, Map,
   * TuneConfig)}.
   *
   * @throws IllegalArgumentException when {@code path} holds no experiment saved by 0.1.0 (one
   *     saved by this version needs its search space and configuration given again)
   * @deprecated for experiments saved by this version, use {@link #restore(String, Trainer, Map,
   *     TuneConfig)}
   */
  @Deprecated
  public static Tuner restore(String path, Trainer trainer) {
    Configuration hadoop = Air.currentSession().sparkContext().hadoopConfiguration();
    if (!LegacyExperimentState.exists(path, hadoop)) {
      throw new IllegalArgumentException(
          ExperimentState.exists(path, hadoop)
              ? "the experiment at "
                  + path
                  + " was saved by this version: give its search space and TuneConfig again, "
                  + "Tuner.restore(path, trainer, paramSpace, tuneConfig)"
              : "no experiment to restore at " + path);
    }
    Experiment experiment = LegacyExperimentState.load(path, hadoop);
    return new Tuner(
        trainer,
        experiment.paramSpace,
        experiment.tuneConfig,
        experiment.runConfig(new Path(path).getParent().toString()),
        experiment);
  }

  /** Whether {@code path} holds an experiment {@link #restore} can continue. */
  public static boolean canRestore(String path) {
    return Experiment.exists(path, Air.currentSession().sparkContext().hadoopConfiguration());
  }

  /**
   * Runs the experiment, or continues a restored one.
   *
   * @throws IllegalArgumentException when the configuration is wrong: no metric, a parameter the
   *     trainer has no field for, {@code numSamples} with a searcher of its own, a search space
   *     that gives no trial (found before any trial runs)
   */
  public ResultGrid fit() {
    if (tuneConfig.metric() == null) {
      throw new IllegalArgumentException("TuneConfig needs a metric and mode (setMetric)");
    }
    SparkSession spark = Air.currentSession();
    StorageLocation.requireReachable(runConfig.storagePath(), spark);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Experiment experiment =
        restored != null
            ? restored
            : newExperiment(experimentName(), paramSpace, tuneConfig, runConfig);
    ExperimentRun run =
        new ExperimentRun(
            trainer,
            tuneConfig,
            runConfig,
            experiment,
            runConfig.storagePath() + "/" + experiment.name,
            hadoop,
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
      run.close();
    }
  }

  private String experimentName() {
    return runConfig.name() != null
        ? runConfig.name()
        : "Tuner_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss"));
  }

  /**
   * A new experiment, its searcher and scheduler set up for the search space.
   *
   * @throws IllegalArgumentException for {@code numSamples} with a searcher of its own
   */
  static Experiment newExperiment(
      String name, Map<String, ?> paramSpace, TuneConfig tuneConfig, RunConfig runConfig) {
    if (tuneConfig.searcher() != null && tuneConfig.numSamples() != 1) {
      throw new IllegalArgumentException(
          "TuneConfig sets numSamples="
              + tuneConfig.numSamples()
              + " and a searcher ("
              + tuneConfig.searcher().getClass().getSimpleName()
              + "); "
              + "numSamples is for the basic variant generator, give the searcher its own count");
    }
    Searcher searcher =
        tuneConfig.searcher() != null
            ? tuneConfig.searcher()
            : new BasicVariantGenerator(tuneConfig.numSamples());
    searcher.setup(paramSpace, tuneConfig.metric(), tuneConfig.mode(), tuneConfig.seed());
    tuneConfig.scheduler().setup(tuneConfig.metric(), tuneConfig.mode());
    return new Experiment(name, paramSpace, tuneConfig, searcher, runConfig);
  }
}
