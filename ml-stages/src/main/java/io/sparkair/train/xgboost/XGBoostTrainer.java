package io.sparkair.train.xgboost;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.predict.FeatureRows;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.TrainLoop;
import io.sparkair.train.TrainingFailedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.RabitTracker;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed XGBoost on AIR datasets, as Ray's {@code XGBoostTrainer}: one XGBoost worker per
 * actor, joined through XGBoost4J's collective with the tracker on the driver, each building its
 * matrix from its own shard. Each round's metrics are reported as {@code <dataset>-<metric>}
 * (e.g. {@code train-logloss}, {@code valid-error}) and a checkpoint holding the booster in
 * XGBoost's JSON format is stored every {@code checkpointFrequency} rounds and after the last.
 *
 * <pre>{@code
 * Result result = new XGBoostTrainer()
 *     .setLabelColumn("target").setNumBoostRound(20)
 *     .setParams(Map.of("objective", "binary:logistic",
 *         "eval_metric", List.of("logloss", "error")))
 *     .setScalingConfig(ScalingConfig.of(2))
 *     .setDataset("train", train).setDataset("valid", valid)
 *     .setPreprocessor(new StandardScaler("mean radius", "mean texture"))
 *     .fit();
 * }</pre>
 *
 * <p>Features are every column but the label, unless {@link #setFeatureColumns} names them;
 * numeric columns give one feature each, array columns (a {@code Concatenator}'s output) one per
 * element; nulls are XGBoost's missing values. {@code nthread} defaults to the worker's cores.
 * {@code useGpu} sets XGBoost's {@code device} to {@code cuda} (not tested here: these machines
 * have no GPU).
 */
public final class XGBoostTrainer extends DataParallelTrainer {
  private static final Set<String> OBJECTIVES = Set.of("reg:squarederror",
      "reg:squaredlogerror", "reg:logistic", "reg:pseudohubererror", "reg:absoluteerror",
      "reg:quantileerror", "reg:gamma", "reg:tweedie", "binary:logistic", "binary:logitraw",
      "binary:hinge", "count:poisson", "survival:cox", "survival:aft", "multi:softmax",
      "multi:softprob", "rank:ndcg", "rank:map", "rank:pairwise");

  private String labelColumn;
  private List<String> featureColumns;
  private Map<String, Object> params = new LinkedHashMap<>();
  private int numBoostRound = 10;
  private int checkpointFrequency;
  private XGBoostLoop loop;
  private static final Logger LOG = LoggerFactory.getLogger(XGBoostTrainer.class);
  private static final long TRACKER_STOP_SECONDS = 5;

  private RabitTracker tracker;

  /** A trainer; set at least the label column and a {@code train} dataset. */
  public XGBoostTrainer() {
    super();
  }

  public XGBoostTrainer setLabelColumn(String label) {
    this.labelColumn = Objects.requireNonNull(label, "labelColumn");
    return this;
  }

  /** The feature columns; by default every column but the label. */
  public XGBoostTrainer setFeatureColumns(String... columns) {
    this.featureColumns = List.of(columns);
    return this;
  }

  /**
   * XGBoost's parameters ({@code objective}, {@code eval_metric} as one name or a list,
   * {@code max_depth}, {@code eta}, {@code tree_method}, ...).
   */
  public XGBoostTrainer setParams(Map<String, ?> params) {
    this.params = new LinkedHashMap<>(Objects.requireNonNull(params, "params"));
    return this;
  }

  public XGBoostTrainer setNumBoostRound(int rounds) {
    if (rounds <= 0) {
      throw new IllegalArgumentException("numBoostRound must be > 0, got " + rounds);
    }
    this.numBoostRound = rounds;
    return this;
  }

  /** Stores a checkpoint every {@code rounds} rounds (0: only after the last). */
  public XGBoostTrainer setCheckpointFrequency(int rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("checkpointFrequency must be >= 0, got " + rounds);
    }
    this.checkpointFrequency = rounds;
    return this;
  }

  @Override
  public XGBoostTrainer setScalingConfig(ScalingConfig config) {
    super.setScalingConfig(config);
    return this;
  }

  @Override
  public XGBoostTrainer setRunConfig(RunConfig config) {
    super.setRunConfig(config);
    return this;
  }

  @Override
  public XGBoostTrainer setDataset(String name, AirDataset dataset) {
    super.setDataset(name, dataset);
    return this;
  }

  @Override
  public XGBoostTrainer setDatasets(Map<String, AirDataset> all) {
    super.setDatasets(all);
    return this;
  }

  @Override
  public XGBoostTrainer setPreprocessor(Preprocessor preprocessor) {
    super.setPreprocessor(preprocessor);
    return this;
  }

  @Override
  public XGBoostTrainer setResumeFromCheckpoint(Checkpoint checkpoint) {
    super.setResumeFromCheckpoint(checkpoint);
    return this;
  }

  @Override
  protected XGBoostTrainer copy() {
    XGBoostTrainer copy = new XGBoostTrainer();
    copyInto(copy);
    copy.labelColumn = labelColumn;
    copy.featureColumns = featureColumns;
    copy.params = new LinkedHashMap<>(params);
    copy.numBoostRound = numBoostRound;
    copy.checkpointFrequency = checkpointFrequency;
    return copy;
  }

  /** {@inheritDoc} Also {@code params} (merged into XGBoost's) and {@code numBoostRound}. */
  @Override
  @SuppressWarnings("unchecked")
  protected void applyConfig(String key, Object value) {
    if ("params".equals(key)) {
      params.putAll((Map<String, Object>) value);
    } else if ("numBoostRound".equals(key)) {
      setNumBoostRound(((Number) value).intValue());
    } else {
      super.applyConfig(key, value);
    }
  }

  @Override
  protected String tunableFields() {
    return ", params, numBoostRound";
  }

  @Override
  public XGBoostTrainer withConfig(Map<String, ?> config) {
    return (XGBoostTrainer) super.withConfig(config);
  }

  @Override
  protected String defaultRunName() {
    return "XGBoostTrainer";
  }

  @Override
  protected void validate(Map<String, AirDataset> prepared) {
    if (labelColumn == null) {
      throw new IllegalArgumentException("XGBoostTrainer needs a label column");
    }
    if (!prepared.containsKey("train")) {
      throw new IllegalArgumentException("XGBoostTrainer needs a \"train\" dataset, got "
          + prepared.keySet());
    }
    Object objective = params.get("objective");
    if (objective != null && !OBJECTIVES.contains(objective.toString())) {
      throw new IllegalArgumentException("unknown XGBoost objective '" + objective
          + "'; known: " + new java.util.TreeSet<>(OBJECTIVES));
    }
    for (Map.Entry<String, AirDataset> e : prepared.entrySet()) {
      StructType schema = e.getValue().arrowSchema();
      List<String> names = Arrays.asList(schema.fieldNames());
      if (!names.contains(labelColumn)) {
        throw new IllegalArgumentException("label column '" + labelColumn + "' is not in the "
            + e.getKey() + " dataset, which has " + names);
      }
      requireNumeric(e.getKey(), schema.apply(labelColumn));
      for (String feature : FeatureRows.featureColumns(names, labelColumn, featureColumns)) {
        if (!names.contains(feature)) {
          throw new IllegalArgumentException("feature column '" + feature + "' is not in the "
              + e.getKey() + " dataset, which has " + names);
        }
        requireNumeric(e.getKey(), schema.apply(feature));
      }
    }
    List<String> order = new ArrayList<>(prepared.keySet());
    order.remove("train");
    order.add(0, "train");
    Map<String, Object> boosterParams = new HashMap<>(params);
    Object metrics = boosterParams.remove("eval_metric");
    List<String> evalMetrics = new ArrayList<>();
    if (metrics instanceof Iterable) {
      ((Iterable<?>) metrics).forEach(m -> evalMetrics.add(m.toString()));
    } else if (metrics != null) {
      evalMetrics.add(metrics.toString());
    }
    if (scalingConfig().useGpu()) {
      boosterParams.putIfAbsent("device", "cuda");
    }
    loop = new XGBoostLoop(labelColumn, featureColumns, boosterParams, evalMetrics,
        numBoostRound, checkpointFrequency, order);
  }

  @Override
  protected TrainLoop trainLoop() {
    return loop;
  }

  private static void requireNumeric(String dataset, StructField field) {
    DataType type = field.dataType();
    boolean ok = type instanceof NumericType || type.typeName().equals("boolean")
        || (type instanceof ArrayType
            && ((ArrayType) type).elementType() instanceof NumericType);
    if (!ok) {
      throw new IllegalArgumentException("column '" + field.name() + "' of the " + dataset
          + " dataset has type " + type.simpleString() + "; XGBoost needs numbers (encode or "
          + "drop it first)");
    }
  }

  @Override
  protected Map<String, Object> startAttempt(int numWorkers) {
    String host = SparkSession.active().sparkContext().getConf()
        .get("spark.driver.host", "127.0.0.1");
    try {
      tracker = new RabitTracker(numWorkers, host);
      tracker.start();
      return Map.of(XGBoostLoop.TRACKER, new HashMap<>(tracker.getWorkerArgs()));
    } catch (XGBoostError e) {
      throw new TrainingFailedException("could not start XGBoost's tracker on " + host, e);
    }
  }

  /**
   * {@inheritDoc} After a failure the tracker is stopped on a thread of its own, waited for
   * {@value #TRACKER_STOP_SECONDS} s at most: XGBoost's native tracker can wait forever for a
   * worker that died, and the run must go on to its retry or its error.
   */
  @Override
  protected void endAttempt(boolean failed) {
    RabitTracker ending = tracker;
    tracker = null;
    if (ending == null) {
      return;
    }
    if (!failed) {
      try {
        ending.waitFor(0L);
        ending.stop();
      } catch (XGBoostError e) {
        throw new TrainingFailedException("XGBoost's tracker failed", e);
      }
      return;
    }
    Thread stopping = new Thread(() -> {
      try {
        ending.stop();
      } catch (XGBoostError e) {
        LOG.warn("stopping XGBoost's tracker after a failed attempt: {}", e.toString());
      }
    }, "xgboost-tracker-stop");
    stopping.setDaemon(true);
    stopping.start();
    try {
      stopping.join(TimeUnit.SECONDS.toMillis(TRACKER_STOP_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopping.isAlive()) {
      LOG.warn("XGBoost's tracker did not stop within {} s after a failed attempt; left to "
          + "end on its own", TRACKER_STOP_SECONDS);
    }
  }
}
