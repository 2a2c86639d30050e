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

import io.sparkair.train.Result;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.Trainer;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * Any {@link Trainer} ({@code LightGBMTrainer}, {@code TorchTrainer}, a {@code DataParallelTrainer}
 * of your own loop) as a Spark ML {@code Estimator}: {@code fit(df)} converts the DataFrame to an
 * AIR dataset, trains a copy of the trainer on it as its {@code train} dataset (its other datasets,
 * a {@code valid} set say, are kept as they are: they do not pass through earlier stages of a
 * pipeline) and returns the {@link AirModel} of the final checkpoint, whose predictor is the one of
 * the checkpoint's framework.
 *
 * <p>Params: {@code numWorkers} and {@code storagePath} override the trainer's scaling and storage;
 * {@code trainerConfig} is a JSON object of the fields a {@code Tuner} sets ({@link
 * Trainer#withConfig}: {@code trainLoopConfig}, the boosting trainers' {@code params} and {@code
 * numBoostRound}, ...), so a {@code ParamGridBuilder} can search any of them; {@code predictionCol}
 * and {@code probabilityCol} name the model's output columns. The fitted model saves and loads with
 * a {@code PipelineModel}; the estimator itself is not saved with a {@code Pipeline}, since a
 * trainer holds code. {@link XGBoostEstimator} is the savable form for XGBoost.
 */
public final class TrainerEstimator extends Estimator<AirModel> {
  private static final long serialVersionUID = 1L;

  /** The estimator's Spark ML identifier. */
  private final String uid;

  private final transient Trainer trainer;
  private final IntParam numWorkers;
  private final Param<String> storagePath;
  private final Param<String> trainerConfig;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private transient Result lastResult;

  /** An estimator fitting copies of {@code trainer}. */
  public TrainerEstimator(Trainer trainer) {
    this(Identifiable$.MODULE$.randomUID("airTrainer"), trainer);
  }

  private TrainerEstimator(String uid, Trainer trainer) {
    this.uid = uid;
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    numWorkers =
        new IntParam(
            this,
            "numWorkers",
            "the number of training workers (> 0; unset: the trainer's)",
            ParamValidators.gt(0));
    storagePath =
        new Param<>(
            this,
            "storagePath",
            "where training runs keep their checkpoints (unset: the trainer's)");
    trainerConfig =
        new Param<>(
            this,
            "trainerConfig",
            "the trainer's tunable fields, as a JSON object (see Trainer.withConfig)",
            ConfigJsonParam.isObject());
    setDefault(trainerConfig, "{}");
    predictionCol = OutputColumns.predictionCol(this);
    probabilityCol = OutputColumns.probabilityCol(this);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The number of training workers; the trainer's when unset. */
  public IntParam numWorkers() {
    return numWorkers;
  }

  /** Where training runs keep their checkpoints; the trainer's when unset. */
  public Param<String> storagePath() {
    return storagePath;
  }

  /** The trainer's tunable fields as a JSON object; {@code {}} by default. */
  public Param<String> trainerConfig() {
    return trainerConfig;
  }

  /** The fitted model's prediction column; {@code prediction} by default. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** The fitted model's class-probability column; {@code probability} by default. */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** Sets the number of training workers. */
  public TrainerEstimator setNumWorkers(int value) {
    set(numWorkers, value);
    return this;
  }

  /** Sets where training runs keep their checkpoints. */
  public TrainerEstimator setStoragePath(String value) {
    set(storagePath, value);
    return this;
  }

  /**
   * Sets the trainer's tunable fields, as a JSON object, e.g. <code>
   * {"params": {"max_depth": 4}, "numBoostRound": 50}</code>.
   */
  public TrainerEstimator setTrainerConfig(String json) {
    set(trainerConfig, json);
    return this;
  }

  /** Sets the fitted model's prediction column. */
  public TrainerEstimator setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /** Sets the fitted model's class-probability column. */
  public TrainerEstimator setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  /** The trainer as the params configure it: a copy of the one given. */
  Trainer configured() {
    Map<String, Object> config = ConfigJsonParam.read(getOrDefault(trainerConfig));
    if (isDefined(numWorkers)) {
      ScalingConfig scaling = trainer.scalingConfig();
      config.put(
          "scalingConfig",
          ScalingConfig.of((Integer) getOrDefault(numWorkers))
              .cpusPerWorker(scaling.cpusPerWorker())
              .useGpu(scaling.useGpu()));
    }
    Trainer copy = trainer.withConfig(config);
    if (isDefined(storagePath)) {
      copy.setRunConfig(copy.runConfig().copy().setStoragePath(getOrDefault(storagePath)));
    }
    return copy;
  }

  /**
   * Trains on {@code dataset} and returns the model of the final checkpoint.
   *
   * @throws IllegalStateException when the run reported no checkpoint
   */
  @Override
  public AirModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Result result = DataFrameTraining.onTrainFrame(dataset, configured(), Trainer::fit);
    lastResult = result;
    if (result.checkpoint() == null) {
      throw new IllegalStateException(
          "the run " + result.path() + " reported no checkpoint;" + " a model needs one");
    }
    return copyValues(new AirModel(result.checkpoint()), ParamMap.empty()).setParent(this);
  }

  /** The run of the last {@link #fit}, or null before one. */
  public Result lastResult() {
    return lastResult;
  }

  /**
   * The schema of the fitted model's output: the input's columns and the predictor's, as the
   * trainer knows them before training ({@link Trainer#predictionSchema}; a loop of your own adds
   * none it can announce), named by {@code predictionCol} and {@code probabilityCol}.
   */
  @Override
  public StructType transformSchema(StructType schema) {
    return OutputColumns.renamed(
        configured().predictionSchema(schema),
        schema,
        getOrDefault(predictionCol),
        getOrDefault(probabilityCol));
  }

  @Override
  public TrainerEstimator copy(ParamMap extra) {
    return copyValues(new TrainerEstimator(uid, trainer), extra);
  }
}
