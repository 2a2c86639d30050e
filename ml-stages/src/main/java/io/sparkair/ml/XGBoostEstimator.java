package io.sparkair.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@link XGBoostTrainer} as a Spark ML {@code Estimator}: {@code fit(df)} converts the DataFrame
 * to an AIR dataset, trains on it with {@code numWorkers} workers, and returns an
 * {@link AirModel} of the final checkpoint. Features are every column but the label unless
 * named. Saved and loaded with Spark ML's {@code write()}/{@code read()}, alone or in a
 * {@code Pipeline} after preprocessor stages.
 */
public final class XGBoostEstimator extends Estimator<AirModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = "xgboost.json";

  /** The estimator's Spark ML identifier. */
  private final String uid;
  /** The label column. */
  private String labelCol = "label";
  /** The feature columns, or null for every column but the label. */
  private List<String> featuresCols;
  /** The XGBoost parameters. */
  private Map<String, Object> params = new LinkedHashMap<>();
  /** The number of boosting rounds. */
  private int numBoostRound = 10;
  /** The number of training workers. */
  private int numWorkers = 1;
  /** Where the training runs keep their checkpoints, or null for the trainer's default. */
  private String storagePath;

  /** An estimator with XGBoost's defaults, label column {@code label}, one worker. */
  public XGBoostEstimator() {
    this(Identifiable$.MODULE$.randomUID("airXGBoost"));
  }

  private XGBoostEstimator(String uid) {
    this.uid = uid;
  }

  /** Sets the label column; {@code label} by default. */
  public XGBoostEstimator setLabelCol(String label) {
    this.labelCol = Objects.requireNonNull(label, "labelCol");
    return this;
  }

  /** Sets the feature columns; every column but the label by default. */
  public XGBoostEstimator setFeaturesCols(String... columns) {
    this.featuresCols = List.of(columns);
    return this;
  }

  /**
   * Sets the XGBoost parameters (e.g. {@code objective}, {@code max_depth}), replacing any set
   * before; XGBoost's defaults by default.
   */
  public XGBoostEstimator setParams(Map<String, ?> xgboostParams) {
    this.params = new LinkedHashMap<>(xgboostParams);
    return this;
  }

  /**
   * Sets one XGBoost parameter, keeping the others: {@code setParam("max_depth", 4)} (a list for
   * several values, such as {@code eval_metric}).
   */
  public XGBoostEstimator setParam(String name, Object value) {
    if (name == null || name.isBlank() || value == null) {
      throw new IllegalArgumentException("a parameter needs a non-empty name and a value, got '"
          + name + "' = " + value);
    }
    params.put(name, value);
    return this;
  }

  /** Sets the number of boosting rounds; must be positive, 10 by default. */
  public XGBoostEstimator setNumBoostRound(int rounds) {
    if (rounds <= 0) {
      throw new IllegalArgumentException("numBoostRound must be > 0, got " + rounds);
    }
    this.numBoostRound = rounds;
    return this;
  }

  /** Sets the number of training workers; must be positive, 1 by default. */
  public XGBoostEstimator setNumWorkers(int workers) {
    if (workers <= 0) {
      throw new IllegalArgumentException("numWorkers must be > 0, got " + workers);
    }
    this.numWorkers = workers;
    return this;
  }

  /** Where the training runs keep their checkpoints (default: the trainer's). */
  public XGBoostEstimator setStoragePath(String path) {
    this.storagePath = path;
    return this;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public AirModel fit(Dataset<?> dataset) {
    RunConfig run = new RunConfig().setVerbose(0);
    if (storagePath != null) {
      run.setStoragePath(storagePath);
    }
    XGBoostTrainer trainer = new XGBoostTrainer().setLabelColumn(labelCol)
        .setParams(params).setNumBoostRound(numBoostRound)
        .setScalingConfig(ScalingConfig.of(numWorkers)).setRunConfig(run);
    if (featuresCols != null) {
      trainer.setFeatureColumns(featuresCols.toArray(new String[0]));
    }
    Result result = DataFrameTraining.onTrainFrame(dataset, trainer, DataParallelTrainer::fit);
    return copyValues(new AirModel(result.checkpoint()), ParamMap.empty()).setParent(this);
  }

  /**
   * The schema of the fitted model's output: the input's columns, then {@code prediction} and,
   * for the {@code binary:logistic} and {@code multi:softprob} objectives, {@code probability}.
   */
  @Override
  public StructType transformSchema(StructType schema) {
    StructType out = schema.add("prediction", DataTypes.DoubleType, false);
    return XGBoostPredictor.givesProbability(String.valueOf(params.get("objective")))
        ? out.add("probability", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
        : out;
  }

  @Override
  public XGBoostEstimator copy(ParamMap extra) {
    XGBoostEstimator copy = new XGBoostEstimator(uid);
    copy.readConfig(config());
    return copyValues(copy, extra);
  }

  private String config() {
    ObjectNode node = JSON.createObjectNode();
    node.put("labelCol", labelCol);
    node.set("featuresCols", JSON.valueToTree(featuresCols));
    node.set("params", JSON.valueToTree(params));
    node.put("numBoostRound", numBoostRound);
    node.put("numWorkers", numWorkers);
    node.put("storagePath", storagePath);
    return node.toString();
  }

  @SuppressWarnings("unchecked")
  private void readConfig(String json) {
    try {
      Map<String, Object> c = JSON.readValue(json, Map.class);
      labelCol = (String) c.get("labelCol");
      featuresCols = c.get("featuresCols") == null ? null
          : new ArrayList<>((List<String>) c.get("featuresCols"));
      params = new LinkedHashMap<>((Map<String, Object>) c.get("params"));
      numBoostRound = ((Number) c.get("numBoostRound")).intValue();
      numWorkers = ((Number) c.get("numWorkers")).intValue();
      storagePath = (String) c.get("storagePath");
    } catch (JsonProcessingException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException(CONFIG + " is not an XGBoostEstimator's: " + e, e);
    }
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        StageStore.saveMetadata(XGBoostEstimator.this, path, sparkSession().sparkContext());
        StageStore.write(path, CONFIG, config(), sparkSession().sparkContext());
      }
    };
  }

  /** Reads an estimator saved with {@link #write()}. */
  public static MLReader<XGBoostEstimator> read() {
    return new MLReader<>() {
      @Override
      public XGBoostEstimator load(String path) {
        XGBoostEstimator e = new XGBoostEstimator(
            StageStore.uid(path, sparkSession().sparkContext(), XGBoostEstimator.class));
        e.readConfig(StageStore.read(path, CONFIG, sparkSession().sparkContext()));
        return e;
      }
    };
  }

  /** Loads an estimator saved with {@link #write()}. */
  public static XGBoostEstimator load(String path) {
    return read().load(path);
  }
}
