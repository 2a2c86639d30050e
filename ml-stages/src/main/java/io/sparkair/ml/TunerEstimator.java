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
package io.sparkair.ml;

import io.sparkair.train.RunConfig;
import io.sparkair.train.Trainer;
import io.sparkair.tune.ResultGrid;
import io.sparkair.tune.TrialResult;
import io.sparkair.tune.TuneConfig;
import io.sparkair.tune.Tuner;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A {@link Tuner} as a Spark ML {@code Estimator}: {@code fit(df)} converts the DataFrame to an AIR
 * dataset, sets it as the trainer's {@code train} dataset, runs the search, and returns the {@link
 * AirModel} of the best trial's checkpoint. The trainer's other datasets (a {@code valid} set, say)
 * are kept as they are, without a pipeline's earlier stages.
 *
 * <p>Params override the {@link TuneConfig} and {@link RunConfig} given: {@code numSamples}, {@code
 * maxConcurrentTrials}, {@code seed}, {@code storagePath}; {@code predictionCol} and {@code
 * probabilityCol} name the model's output columns. Not saved with a {@code Pipeline}: a search
 * space holds functions.
 */
public final class TunerEstimator extends Estimator<AirModel> {
  private static final long serialVersionUID = 1L;

  /** The estimator's Spark ML identifier. */
  private final String uid;

  private final transient Trainer trainer;
  private final transient Map<String, ?> paramSpace;
  private final transient TuneConfig tuneConfig;
  private final transient RunConfig runConfig;
  private final IntParam numSamples;
  private final IntParam maxConcurrentTrials;
  private final LongParam seed;
  private final Param<String> storagePath;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private transient ResultGrid lastGrid;

  /** An estimator searching {@code paramSpace} for {@code trainer}. */
  public TunerEstimator(
      Trainer trainer, Map<String, ?> paramSpace, TuneConfig tuneConfig, RunConfig runConfig) {
    this(Identifiable$.MODULE$.randomUID("airTuner"), trainer, paramSpace, tuneConfig, runConfig);
  }

  private TunerEstimator(
      String uid,
      Trainer trainer,
      Map<String, ?> paramSpace,
      TuneConfig tuneConfig,
      RunConfig runConfig) {
    this.uid = uid;
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    this.paramSpace = Objects.requireNonNull(paramSpace, "paramSpace");
    this.tuneConfig = Objects.requireNonNull(tuneConfig, "tuneConfig");
    this.runConfig = Objects.requireNonNull(runConfig, "runConfig");
    numSamples =
        new IntParam(
            this,
            "numSamples",
            "passes of the basic variant generator over the search space (> 0)",
            ParamValidators.gt(0));
    maxConcurrentTrials =
        new IntParam(
            this,
            "maxConcurrentTrials",
            "trials run at once (0: as many as the task slots allow)",
            ParamValidators.gtEq(0));
    seed = new LongParam(this, "seed", "the seed of the searcher's random choices");
    storagePath = new Param<>(this, "storagePath", "where the experiment is stored");
    setDefault(numSamples, tuneConfig.numSamples());
    setDefault(maxConcurrentTrials, tuneConfig.maxConcurrentTrials());
    setDefault(seed, tuneConfig.seed());
    setDefault(storagePath, runConfig.storagePath());
    predictionCol = OutputColumns.predictionCol(this);
    probabilityCol = OutputColumns.probabilityCol(this);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** Passes of the basic variant generator; the tune configuration's by default. */
  public IntParam numSamples() {
    return numSamples;
  }

  /** Trials run at once; the tune configuration's by default. */
  public IntParam maxConcurrentTrials() {
    return maxConcurrentTrials;
  }

  /** The seed of the searcher's random choices; the tune configuration's by default. */
  public LongParam seed() {
    return seed;
  }

  /** Where the experiment is stored; the run configuration's by default. */
  public Param<String> storagePath() {
    return storagePath;
  }

  /** The fitted model's prediction column; {@code prediction} by default. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** The fitted model's class-probability column; {@code probability} by default. */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** Sets the passes of the basic variant generator. */
  public TunerEstimator setNumSamples(int value) {
    set(numSamples, value);
    return this;
  }

  /** Sets the number of trials run at once. */
  public TunerEstimator setMaxConcurrentTrials(int value) {
    set(maxConcurrentTrials, value);
    return this;
  }

  /** Sets the seed of the searcher's random choices. */
  public TunerEstimator setSeed(long value) {
    set(seed, value);
    return this;
  }

  /** Sets where the experiment is stored. */
  public TunerEstimator setStoragePath(String value) {
    set(storagePath, value);
    return this;
  }

  /** Sets the fitted model's prediction column. */
  public TunerEstimator setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /** Sets the fitted model's class-probability column. */
  public TunerEstimator setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  /**
   * Searches on {@code dataset} and returns the best trial's model.
   *
   * @throws IllegalStateException when every trial failed
   */
  @Override
  public AirModel fit(Dataset<?> dataset) {
    TuneConfig tune =
        tuneConfig
            .copy()
            .setNumSamples((Integer) getOrDefault(numSamples))
            .setMaxConcurrentTrials((Integer) getOrDefault(maxConcurrentTrials))
            .setSeed((Long) getOrDefault(seed));
    RunConfig run = runConfig.copy().setStoragePath(getOrDefault(storagePath));
    ResultGrid grid =
        DataFrameTraining.onTrainFrame(
            dataset, trainer, withData -> new Tuner(withData, paramSpace, tune, run).fit());
    lastGrid = grid;
    if (grid.numTerminated() == 0) {
      throw new IllegalStateException(
          "every trial failed; the first: " + grid.errors().get(0).error(),
          grid.errors().get(0).error());
    }
    TrialResult best = grid.getBestResult();
    return copyValues(new AirModel(best.result().checkpoint()), ParamMap.empty()).setParent(this);
  }

  /** The trials of the last {@link #fit}, or null before one. */
  public ResultGrid lastResultGrid() {
    return lastGrid;
  }

  /**
   * The schema of the fitted model's output, as far as the trainer knows it before training ({@link
   * Trainer#predictionSchema}), the added columns named by {@code predictionCol} and {@code
   * probabilityCol}.
   */
  @Override
  public StructType transformSchema(StructType schema) {
    return OutputColumns.renamed(
        trainer.predictionSchema(schema),
        schema,
        getOrDefault(predictionCol),
        getOrDefault(probabilityCol));
  }

  @Override
  public TunerEstimator copy(ParamMap extra) {
    return copyValues(new TunerEstimator(uid, trainer, paramSpace, tuneConfig, runConfig), extra);
  }
}
