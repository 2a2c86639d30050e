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
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.Trainer;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * {@link XGBoostTrainer} as a Spark ML {@code Estimator}: {@code fit(df)} converts the DataFrame to
 * an AIR dataset, trains on it with {@code numWorkers} workers, and returns an {@link AirModel} of
 * the final checkpoint. Features are every column but the label unless named.
 *
 * <p>Every setting is a Spark ML {@code Param}, named as XGBoost4J-Spark names them ({@code
 * labelCol}, {@code featuresCols}, {@code numRound}, {@code numWorkers}, {@code maxDepth}, {@code
 * eta}, ...), so {@code ParamGridBuilder}, {@code CrossValidator}, {@code TrainValidationSplit},
 * {@code fit(df, paramMap)}, {@code copy} and {@code explainParams()} work, and the estimator saves
 * and loads with Spark ML's default params writer, alone or in a {@code Pipeline}. An XGBoost
 * parameter without a {@code Param} of its own goes in {@link #otherParams()} (set it with {@link
 * #setParam}). Unset XGBoost parameters take XGBoost's defaults.
 *
 * <p>The class is long because Spark ML finds a stage's params through public methods: each {@code
 * Param} has its accessor, its setter and, where callers need it, its getter.
 */
public final class XGBoostEstimator extends Estimator<AirModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> labelCol;
  private final StringArrayParam featuresCols;
  private final IntParam numRound;
  private final IntParam numWorkers;
  private final Param<String> storagePath;
  private final Param<String> objective;
  private final StringArrayParam evalMetric;
  private final IntParam maxDepth;
  private final DoubleParam eta;
  private final DoubleParam subsample;
  private final DoubleParam colsampleBytree;
  private final DoubleParam minChildWeight;
  private final DoubleParam lambda;
  private final DoubleParam alpha;
  private final Param<String> treeMethod;
  private final IntParam numClass;
  private final LongParam seed;
  private final Param<String> otherParams;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;

  /** XGBoost's name of each parameter that has a Param of its own. */
  private final Map<String, Param<?>> byXGBoostName = new LinkedHashMap<>();

  /** An estimator with XGBoost's defaults, label column {@code label}, one worker. */
  public XGBoostEstimator() {
    this(Identifiable$.MODULE$.randomUID("airXGBoost"));
  }

  /** An estimator with the given Spark ML identifier (Spark ML's readers and copies use it). */
  public XGBoostEstimator(String uid) {
    this.uid = uid;
    labelCol = new Param<>(this, "labelCol", "the label column");
    featuresCols =
        new StringArrayParam(
            this, "featuresCols", "the feature columns (empty: every column but the label)");
    numRound =
        new IntParam(
            this, "numRound", "the number of boosting rounds (> 0)", ParamValidators.gt(0));
    numWorkers =
        new IntParam(
            this, "numWorkers", "the number of training workers (> 0)", ParamValidators.gt(0));
    storagePath =
        new Param<>(
            this,
            "storagePath",
            "where training runs keep their checkpoints (empty: the trainer's default)");
    objective = xgboost(new Param<>(this, "objective", "XGBoost's objective"), "objective");
    evalMetric =
        xgboost(
            new StringArrayParam(this, "evalMetric", "XGBoost's evaluation metrics"),
            "eval_metric");
    maxDepth =
        xgboost(
            new IntParam(
                this, "maxDepth", "XGBoost's maximum tree depth (>= 0)", ParamValidators.gtEq(0)),
            "max_depth");
    eta =
        xgboost(
            new DoubleParam(
                this, "eta", "XGBoost's learning rate, in [0, 1]", ParamValidators.inRange(0, 1)),
            "eta");
    subsample =
        xgboost(
            new DoubleParam(
                this,
                "subsample",
                "XGBoost's row subsample ratio, in (0, 1]",
                ParamValidators.inRange(0, 1, false, true)),
            "subsample");
    colsampleBytree =
        xgboost(
            new DoubleParam(
                this,
                "colsampleBytree",
                "XGBoost's column subsample ratio per tree, in (0, 1]",
                ParamValidators.inRange(0, 1, false, true)),
            "colsample_bytree");
    minChildWeight =
        xgboost(
            new DoubleParam(
                this,
                "minChildWeight",
                "XGBoost's minimum hessian sum in a child (>= 0)",
                ParamValidators.gtEq(0)),
            "min_child_weight");
    lambda =
        xgboost(
            new DoubleParam(
                this, "lambda", "XGBoost's L2 regularization (>= 0)", ParamValidators.gtEq(0)),
            "lambda");
    alpha =
        xgboost(
            new DoubleParam(
                this, "alpha", "XGBoost's L1 regularization (>= 0)", ParamValidators.gtEq(0)),
            "alpha");
    treeMethod =
        xgboost(
            new Param<>(this, "treeMethod", "XGBoost's tree method (auto, exact, approx, hist)"),
            "tree_method");
    numClass =
        xgboost(
            new IntParam(
                this, "numClass", "XGBoost's number of classes (> 0)", ParamValidators.gt(0)),
            "num_class");
    seed = xgboost(new LongParam(this, "seed", "XGBoost's random seed"), "seed");
    otherParams =
        new Param<>(
            this,
            "otherParams",
            "other XGBoost parameters, as a JSON object",
            ConfigJsonParam.isObject());
    predictionCol = OutputColumns.predictionCol(this);
    probabilityCol = OutputColumns.probabilityCol(this);
    setDefault(labelCol, "label");
    setDefault(featuresCols, new String[0]);
    setDefault(numRound, 10);
    setDefault(numWorkers, 1);
    setDefault(storagePath, "");
    setDefault(otherParams, "{}");
  }

  private <P extends Param<?>> P xgboost(P param, String xgboostName) {
    byXGBoostName.put(xgboostName, param);
    return param;
  }

  /** The label column; {@code label} by default. */
  public Param<String> labelCol() {
    return labelCol;
  }

  /** The feature columns; every column but the label by default. */
  public StringArrayParam featuresCols() {
    return featuresCols;
  }

  /** The number of boosting rounds; 10 by default. */
  public IntParam numRound() {
    return numRound;
  }

  /** The number of training workers; 1 by default. */
  public IntParam numWorkers() {
    return numWorkers;
  }

  /** Where training runs keep their checkpoints; the trainer's default when empty. */
  public Param<String> storagePath() {
    return storagePath;
  }

  /** XGBoost's {@code objective}. */
  public Param<String> objective() {
    return objective;
  }

  /** XGBoost's {@code eval_metric}. */
  public StringArrayParam evalMetric() {
    return evalMetric;
  }

  /** XGBoost's {@code max_depth}. */
  public IntParam maxDepth() {
    return maxDepth;
  }

  /** XGBoost's {@code eta}, the learning rate. */
  public DoubleParam eta() {
    return eta;
  }

  /** XGBoost's {@code subsample}. */
  public DoubleParam subsample() {
    return subsample;
  }

  /** XGBoost's {@code colsample_bytree}. */
  public DoubleParam colsampleBytree() {
    return colsampleBytree;
  }

  /** XGBoost's {@code min_child_weight}. */
  public DoubleParam minChildWeight() {
    return minChildWeight;
  }

  /** XGBoost's {@code lambda}, the L2 regularization. */
  public DoubleParam lambda() {
    return lambda;
  }

  /** XGBoost's {@code alpha}, the L1 regularization. */
  public DoubleParam alpha() {
    return alpha;
  }

  /** XGBoost's {@code tree_method}. */
  public Param<String> treeMethod() {
    return treeMethod;
  }

  /** XGBoost's {@code num_class}. */
  public IntParam numClass() {
    return numClass;
  }

  /** XGBoost's {@code seed}. */
  public LongParam seed() {
    return seed;
  }

  /** Other XGBoost parameters, as a JSON object; {@code {}} by default. */
  public Param<String> otherParams() {
    return otherParams;
  }

  /** The fitted model's prediction column; {@code prediction} by default. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** The fitted model's class-probability column; {@code probability} by default. */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** Sets the fitted model's prediction column. */
  public XGBoostEstimator setPredictionCol(String value) {
    return put(predictionCol, value);
  }

  /** Sets the fitted model's class-probability column. */
  public XGBoostEstimator setProbabilityCol(String value) {
    return put(probabilityCol, value);
  }

  /** Sets the label column. */
  public XGBoostEstimator setLabelCol(String value) {
    return put(labelCol, value);
  }

  /** Sets the feature columns. */
  public XGBoostEstimator setFeaturesCols(String... value) {
    return put(featuresCols, value);
  }

  /** Sets the number of boosting rounds. */
  public XGBoostEstimator setNumRound(int value) {
    return put(numRound, value);
  }

  /** Sets the number of boosting rounds, as {@code XGBoostTrainer} names it. */
  public XGBoostEstimator setNumBoostRound(int value) {
    return setNumRound(value);
  }

  /** Sets the number of training workers. */
  public XGBoostEstimator setNumWorkers(int value) {
    return put(numWorkers, value);
  }

  /** Sets where training runs keep their checkpoints. */
  public XGBoostEstimator setStoragePath(String value) {
    return put(storagePath, value);
  }

  /** Sets XGBoost's objective. */
  public XGBoostEstimator setObjective(String value) {
    return put(objective, value);
  }

  /** Sets XGBoost's evaluation metrics. */
  public XGBoostEstimator setEvalMetric(String... value) {
    return put(evalMetric, value);
  }

  /** Sets XGBoost's maximum tree depth. */
  public XGBoostEstimator setMaxDepth(int value) {
    return put(maxDepth, value);
  }

  /** Sets XGBoost's learning rate. */
  public XGBoostEstimator setEta(double value) {
    return put(eta, value);
  }

  /** Sets XGBoost's row subsample ratio. */
  public XGBoostEstimator setSubsample(double value) {
    return put(subsample, value);
  }

  /** Sets XGBoost's column subsample ratio per tree. */
  public XGBoostEstimator setColsampleBytree(double value) {
    return put(colsampleBytree, value);
  }

  /** Sets XGBoost's minimum hessian sum in a child. */
  public XGBoostEstimator setMinChildWeight(double value) {
    return put(minChildWeight, value);
  }

  /** Sets XGBoost's L2 regularization. */
  public XGBoostEstimator setLambda(double value) {
    return put(lambda, value);
  }

  /** Sets XGBoost's L1 regularization. */
  public XGBoostEstimator setAlpha(double value) {
    return put(alpha, value);
  }

  /** Sets XGBoost's tree method. */
  public XGBoostEstimator setTreeMethod(String value) {
    return put(treeMethod, value);
  }

  /** Sets XGBoost's number of classes. */
  public XGBoostEstimator setNumClass(int value) {
    return put(numClass, value);
  }

  /** Sets XGBoost's random seed. */
  public XGBoostEstimator setSeed(long value) {
    return put(seed, value);
  }

  /** The label column. */
  public String getLabelCol() {
    return getOrDefault(labelCol);
  }

  /** The feature columns; empty for every column but the label. */
  public String[] getFeaturesCols() {
    return getOrDefault(featuresCols);
  }

  /** The number of boosting rounds. */
  public int getNumRound() {
    return (Integer) getOrDefault(numRound);
  }

  /** The number of training workers. */
  public int getNumWorkers() {
    return (Integer) getOrDefault(numWorkers);
  }

  /** Where training runs keep their checkpoints; empty for the trainer's default. */
  public String getStoragePath() {
    return getOrDefault(storagePath);
  }

  /** XGBoost's maximum tree depth. */
  public int getMaxDepth() {
    return (Integer) getOrDefault(maxDepth);
  }

  /**
   * Sets XGBoost's parameters (e.g. {@code objective}, {@code max_depth}), replacing every XGBoost
   * parameter set before: those with a {@code Param} of their own set it (with XGBoost's names or
   * Spark's), the others go in {@link #otherParams()}.
   *
   * @throws IllegalArgumentException if a name is empty or a value null or invalid
   */
  public XGBoostEstimator setParams(Map<String, ?> xgboostParams) {
    byXGBoostName.values().forEach(this::clear);
    set(otherParams, "{}");
    xgboostParams.forEach(this::setParam);
    return this;
  }

  /**
   * Sets one XGBoost parameter, keeping the others: {@code setParam("max_depth", 4)} (a list for
   * several values, such as {@code eval_metric}).
   *
   * @throws IllegalArgumentException if the name is empty or the value null or invalid
   */
  public XGBoostEstimator setParam(String name, Object value) {
    if (name == null || name.isBlank() || value == null) {
      throw new IllegalArgumentException(
          "a parameter needs a non-empty name and a value, got '" + name + "' = " + value);
    }
    Param<?> own = byXGBoostName.get(name);
    if (own == null && hasParam(name) && byXGBoostName.containsValue(getParam(name))) {
      own = getParam(name);
    }
    if (own == null) {
      Map<String, Object> others = otherParamsMap();
      others.put(name, value);
      return put(otherParams, ConfigJsonParam.write(others));
    }
    return putConverted(own, value);
  }

  @SuppressWarnings("unchecked")
  private XGBoostEstimator putConverted(Param<?> param, Object value) {
    Object converted;
    if (param instanceof IntParam) {
      converted = ((Number) value).intValue();
    } else if (param instanceof LongParam) {
      converted = ((Number) value).longValue();
    } else if (param instanceof DoubleParam) {
      converted = ((Number) value).doubleValue();
    } else if (param instanceof StringArrayParam) {
      converted =
          value instanceof List<?> list
              ? list.stream().map(String::valueOf).toArray(String[]::new)
              : new String[] {String.valueOf(value)};
    } else {
      converted = String.valueOf(value);
    }
    return put((Param<Object>) param, converted);
  }

  private XGBoostEstimator put(Param<?> param, Object value) {
    @SuppressWarnings("unchecked")
    Param<Object> p = (Param<Object>) param;
    set(p, value);
    return this;
  }

  private Map<String, Object> otherParamsMap() {
    return ConfigJsonParam.read(getOrDefault(otherParams));
  }

  /** The XGBoost parameters this estimator trains with: the ones set, by XGBoost's names. */
  public Map<String, Object> xgboostParams() {
    Map<String, Object> out = new LinkedHashMap<>();
    byXGBoostName.forEach(
        (name, param) -> {
          if (isDefined(param)) {
            Object value = getOrDefault(param);
            out.put(name, value instanceof String[] array ? List.of(array) : value);
          }
        });
    out.putAll(otherParamsMap());
    return out;
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The trainer this estimator's params configure. */
  private XGBoostTrainer trainer() {
    RunConfig run = new RunConfig().setVerbose(0);
    if (!getStoragePath().isEmpty()) {
      run.setStoragePath(getStoragePath());
    }
    XGBoostTrainer trainer =
        new XGBoostTrainer()
            .setLabelColumn(getLabelCol())
            .setParams(xgboostParams())
            .setNumBoostRound(getNumRound())
            .setScalingConfig(ScalingConfig.of(getNumWorkers()))
            .setRunConfig(run);
    if (getFeaturesCols().length > 0) {
      trainer.setFeatureColumns(getFeaturesCols());
    }
    return trainer;
  }

  @Override
  public AirModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Result result = DataFrameTraining.onTrainFrame(dataset, trainer(), Trainer::fit);
    return copyValues(new AirModel(result.checkpoint()), ParamMap.empty()).setParent(this);
  }

  /**
   * The schema of the fitted model's output: the input's columns, then the prediction and, for the
   * {@code binary:logistic} and {@code multi:softprob} objectives, the class probabilities, named
   * by {@code predictionCol} and {@code probabilityCol}.
   *
   * @throws IllegalArgumentException if the label or a feature column is missing
   */
  @Override
  public StructType transformSchema(StructType schema) {
    List<String> names = List.of(schema.fieldNames());
    for (String column : getFeaturesCols()) {
      if (!names.contains(column)) {
        throw new IllegalArgumentException(
            "no feature column '" + column + "' in " + schema.simpleString());
      }
    }
    return OutputColumns.renamed(
        trainer().predictionSchema(schema),
        schema,
        getOrDefault(predictionCol),
        getOrDefault(probabilityCol));
  }

  @Override
  public XGBoostEstimator copy(ParamMap extra) {
    return (XGBoostEstimator) defaultCopy(extra);
  }

  /** Reads an estimator saved with {@code write()}. */
  public static MLReader<XGBoostEstimator> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads an estimator saved with {@code write()}. */
  public static XGBoostEstimator load(String path) {
    return read().load(path);
  }
}
