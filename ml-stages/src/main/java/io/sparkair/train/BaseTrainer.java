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
package io.sparkair.train;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.types.StructType;

/**
 * What every data-parallel trainer shares: its datasets, preprocessor, scaling, run configuration
 * and loop configuration, set with fluent setters that return the trainer's own type, and {@link
 * #fit()}, which runs the loop of {@link #startAttempt} on a group of worker actors, each on its
 * own shard of the datasets (Ray's {@code DataParallelTrainer}).
 *
 * <p>{@code fit()} fits the preprocessor on the {@code train} dataset and applies it to every
 * dataset, starts {@code numWorkers} actors that hold Spark task slots on the executors where the
 * shards live, runs the loop in each, and collects rank 0's reports and checkpoints into a {@link
 * Result}. When a worker or its executor dies, the group is started again from the latest
 * checkpoint, as often as the {@link FailureConfig} allows. Every dataset is split among the
 * workers, row-balanced, each worker taking blocks on its own executor first. Make the datasets
 * before calling {@code fit}: while the workers hold every task slot, no other Spark job can run.
 *
 * <p>A library's trainer extends this class with its own settings and fills in the hooks: the loop
 * each attempt runs ({@link #startAttempt}), what it checks before the workers start ({@link
 * #validate}) and what it releases after ({@link #endAttempt}).
 *
 * @param <T> the trainer's own type, which its setters return
 */
public abstract class BaseTrainer<T extends BaseTrainer<T>> implements Trainer {
  private Map<String, Object> loopConfig = new LinkedHashMap<>();
  private ScalingConfig scaling = ScalingConfig.of(1);
  private RunConfig runConfig = new RunConfig();
  private final Map<String, AirDataset> datasets = new LinkedHashMap<>();
  private Preprocessor preprocessor;
  private Checkpoint resumeFrom;
  private WorkerGroups workerGroups;

  /** A trainer with the defaults: one CPU worker, no datasets, no preprocessor. */
  protected BaseTrainer() {}

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /**
   * Sets the configuration every worker's loop receives, replacing any set before; empty by
   * default.
   */
  public T setTrainLoopConfig(Map<String, ?> config) {
    this.loopConfig = new LinkedHashMap<>(Objects.requireNonNull(config, "config"));
    return self();
  }

  /** Sets how many workers train and what each holds; one CPU worker by default. */
  public T setScalingConfig(ScalingConfig config) {
    this.scaling = Objects.requireNonNull(config, "scalingConfig");
    return self();
  }

  /** Sets where and how the run records itself; a default {@link RunConfig} by default. */
  @Override
  public T setRunConfig(RunConfig config) {
    this.runConfig = Objects.requireNonNull(config, "runConfig");
    return self();
  }

  /** Adds a dataset; {@code train} is the one the preprocessor is fitted on. */
  @Override
  public T setDataset(String name, AirDataset dataset) {
    datasets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(dataset, name));
    return self();
  }

  /** Sets every dataset at once. */
  public T setDatasets(Map<String, AirDataset> all) {
    datasets.clear();
    all.forEach(this::setDataset);
    return self();
  }

  /** A preprocessor, fitted on {@code train} and saved in every checkpoint. */
  public T setPreprocessor(Preprocessor preprocessor) {
    this.preprocessor = preprocessor;
    return self();
  }

  /**
   * Continues an earlier run from its checkpoint; its preprocessor, if it has one, is used as
   * fitted.
   */
  @Override
  public T setResumeFromCheckpoint(Checkpoint checkpoint) {
    this.resumeFrom = checkpoint;
    return self();
  }

  /**
   * Runs the workers in groups kept between runs ({@link WorkerGroups}) rather than in a group of
   * this run's own; null (the default) starts and stops a group per attempt.
   */
  @Override
  public T setWorkerGroups(WorkerGroups groups) {
    this.workerGroups = groups;
    return self();
  }

  @Override
  public T withConfig(Map<String, ?> config) {
    T copy = newInstance();
    copyInto(copy);
    config.forEach(copy::applyConfig);
    return copy;
  }

  /** A new trainer of this type with no fields set, for {@link #withConfig}. */
  protected abstract T newInstance();

  /**
   * Copies this trainer's fields into {@code target}, a {@link #newInstance()}; a subclass with
   * fields of its own copies them too, after calling this.
   */
  protected void copyInto(T target) {
    BaseTrainer<T> into = target;
    into.loopConfig = new LinkedHashMap<>(loopConfig);
    into.scaling = scaling;
    into.runConfig = runConfig;
    into.datasets.putAll(datasets);
    into.preprocessor = preprocessor == null ? null : Preprocessors.copy(preprocessor);
    into.resumeFrom = resumeFrom;
    into.workerGroups = workerGroups;
  }

  /**
   * Sets one field from a tuned configuration (a key of {@link #withConfig}); a subclass handles
   * its own keys and passes the others here.
   *
   * @throws IllegalArgumentException for a key this trainer has no field for
   */
  @SuppressWarnings("unchecked")
  protected void applyConfig(String key, Object value) {
    switch (key) {
      case "scalingConfig":
        scaling =
            value instanceof ScalingConfig
                ? (ScalingConfig) value
                : scalingFrom((Map<String, Object>) value);
        break;
      case "preprocessor":
        preprocessor = value == null ? null : Preprocessors.copy((Preprocessor) value);
        break;
      case "trainLoopConfig":
        loopConfig.putAll((Map<String, Object>) value);
        break;
      default:
        throw new IllegalArgumentException(
            getClass().getSimpleName()
                + " has no field '"
                + key
                + "' to tune; it tunes scalingConfig, preprocessor, trainLoopConfig"
                + tunableFields());
    }
  }

  /** The tunable fields a subclass adds, for error messages, e.g. {@code ", params"}. */
  protected String tunableFields() {
    return "";
  }

  private ScalingConfig scalingFrom(Map<String, Object> map) {
    ScalingConfig s =
        ScalingConfig.of(
            ((Number) map.getOrDefault("numWorkers", scaling.numWorkers())).intValue());
    s =
        s.cpusPerWorker(
            ((Number) map.getOrDefault("cpusPerWorker", scaling.cpusPerWorker())).intValue());
    return s.useGpu((Boolean) map.getOrDefault("useGpu", scaling.useGpu()));
  }

  @Override
  public ScalingConfig scalingConfig() {
    return scaling;
  }

  @Override
  public RunConfig runConfig() {
    return runConfig;
  }

  @Override
  public Map<String, AirDataset> datasets() {
    return Map.copyOf(datasets);
  }

  /** The preprocessor, or null for none. */
  public Preprocessor preprocessor() {
    return preprocessor;
  }

  /** The configuration every worker's loop receives. */
  Map<String, Object> trainLoopConfig() {
    return loopConfig;
  }

  /** The checkpoint to continue from, or null. */
  Checkpoint resumeFrom() {
    return resumeFrom;
  }

  /** The groups kept between runs, or null. */
  WorkerGroups workerGroups() {
    return workerGroups;
  }

  /** {@inheritDoc} The default adds none. */
  @Override
  public StructType predictionSchema(StructType input) {
    return input;
  }

  /**
   * Checks the datasets (after preprocessing) before any worker starts; the default does nothing.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  protected void validate(Map<String, AirDataset> prepared) {}

  /**
   * Prepares an attempt on the driver, after {@link #validate} and before its workers start, and
   * returns the loop they run: whatever an attempt's workers share (a tracker's address, a network
   * of peers) travels in the loop object itself.
   *
   * @param numWorkers the number of workers of the attempt
   */
  protected abstract TrainLoop startAttempt(int numWorkers);

  /**
   * Ends an attempt on the driver, after its workers stopped or failed. After a failure, what it
   * throws is logged, not raised: the workers' failure is the one that counts.
   */
  protected void endAttempt(boolean failed) {}

  /** A name for runs without one. */
  protected String defaultRunName() {
    return getClass().getSimpleName();
  }

  @Override
  public Result fit() {
    return new TrainingRun(this).run();
  }
}
