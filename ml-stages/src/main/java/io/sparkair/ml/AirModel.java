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

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.plugin.Air;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.LightGBMPredictor;
import io.sparkair.predict.Predictor;
import io.sparkair.predict.PredictorCache;
import io.sparkair.predict.Predictors;
import io.sparkair.predict.SharedPredictor;
import io.sparkair.predict.TorchPredictor;
import io.sparkair.predict.XGBoostPredictor;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A trained model as a Spark ML {@code Model} (and the batch-predictor transformer of any
 * checkpoint): it holds a checkpoint and a {@link Predictor} class, and {@code transform} keeps
 * every input column and adds the predictor's columns ({@code prediction}, and {@code probability}
 * for classifiers, a Spark ML vector as Spark's classifiers give it), computed inside Spark tasks
 * with the checkpoint's preprocessor applied first, through the same per-executor predictor as
 * {@link BatchPredictor}. The predictor's columns take the names of the {@code predictionCol} and
 * {@code probabilityCol} params. Saved and loaded with Spark ML's {@code write()}/{@code read()}
 * (the checkpoint is stored under the stage's path, the params in its metadata).
 */
public final class AirModel extends Model<AirModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final String CHECKPOINT = "checkpoint";

  private static final String PREDICTOR = "predictor.txt";

  /** The model's Spark ML identifier. */
  private final String uid;

  private final transient Checkpoint checkpoint;

  /** The class of the predictor. */
  private final Class<? extends Predictor> predictorClass;

  private final transient BatchPredictor predictions;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;

  /**
   * A model of a checkpoint, predicting with the predictor of its framework ({@link
   * XGBoostPredictor} for {@code xgboost}, {@link LightGBMPredictor} for {@code lightgbm}, {@link
   * TorchPredictor} for {@code djl-pytorch}).
   *
   * @throws IllegalArgumentException when no built-in predictor reads the checkpoint's framework
   */
  public AirModel(Checkpoint checkpoint) {
    this(checkpoint, predictorFor(checkpoint));
  }

  /**
   * A model of a checkpoint, predicting with a {@link Predictor} class that has a static {@code
   * fromCheckpoint(Checkpoint)}.
   *
   * @throws IllegalArgumentException when the class has no such method, or cannot read the
   *     checkpoint
   */
  public AirModel(Checkpoint checkpoint, Class<? extends Predictor> predictorClass) {
    this(Identifiable$.MODULE$.randomUID("airModel"), checkpoint, predictorClass);
  }

  private AirModel(String uid, Checkpoint checkpoint, Class<? extends Predictor> type) {
    this.uid = uid;
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.predictorClass = Objects.requireNonNull(type, "predictorClass");
    this.predictions = BatchPredictor.fromCheckpoint(checkpoint, type);
    this.predictionCol = OutputColumns.predictionCol(this);
    this.probabilityCol = OutputColumns.probabilityCol(this);
  }

  private static Class<? extends Predictor> predictorFor(Checkpoint checkpoint) {
    String name =
        Predictors.forFramework(checkpoint.getMetadata().framework()).predictorClassName();
    try {
      return Class.forName(name).asSubclass(Predictor.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the built-in predictor " + name + " is missing", e);
    }
  }

  /** The checkpoint this model predicts with. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The name of the prediction column; {@code prediction} by default. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** The name of the class-probability column of classifiers; {@code probability} by default. */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** Sets the name of the prediction column. */
  public AirModel setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /** Sets the name of the class-probability column. */
  public AirModel setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  /** The name of the prediction column. */
  public String getPredictionCol() {
    return getOrDefault(predictionCol);
  }

  /** The name of the class-probability column. */
  public String getProbabilityCol() {
    return getOrDefault(probabilityCol);
  }

  private Map<String, String> outputNames() {
    return Map.of(
        OutputColumns.PREDICTION,
        getPredictionCol(),
        OutputColumns.PROBABILITY,
        getProbabilityCol());
  }

  /**
   * Every input column, then the predictor's, computed in Spark tasks by the same predictor {@link
   * BatchPredictor} uses: the checkpoint is broadcast and each executor loads the model once.
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    SharedPredictor shared = predictions.shared();
    Map<String, String> names = outputNames();
    Dataset<Row> scored =
        ArrowTransform.apply(
            batch -> {
              try (PredictorCache.Lease lease = shared.acquire()) {
                return OutputColumns.renamed(lease.predictor().predict(batch), names);
              }
            },
            true,
            dataset);
    return OutputColumns.probabilityAsVector(scored, getProbabilityCol());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Map<String, String> names = outputNames();
    try (PredictorCache.Lease local = predictions.local()) {
      Predictor predictor = local.predictor();
      return OutputColumns.probabilityAsVector(
          ArrowTransform.outputSchema(
              batch -> OutputColumns.renamed(predictor.predict(batch), names),
              schema,
              true,
              Air.currentSession().sessionState().conf().sessionLocalTimeZone()),
          getProbabilityCol());
    }
  }

  @Override
  public AirModel copy(ParamMap extra) {
    return copyValues(new AirModel(uid, checkpoint, predictorClass), extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        StageStore.saveMetadata(AirModel.this, path, sparkSession().sparkContext());
        StageStore.write(path, PREDICTOR, predictorClass.getName(), sparkSession().sparkContext());
        checkpoint.toDirectory(path + "/" + CHECKPOINT);
      }
    };
  }

  /** Reads a model saved with {@link #write()}. */
  public static MLReader<AirModel> read() {
    return new MLReader<>() {
      @Override
      public AirModel load(String path) {
        String type = StageStore.read(path, PREDICTOR, sparkSession().sparkContext()).trim();
        try {
          Class<? extends Predictor> predictor =
              Class.forName(type, true, Thread.currentThread().getContextClassLoader())
                  .asSubclass(Predictor.class);
          return StageStore.load(
              path,
              sparkSession().sparkContext(),
              AirModel.class,
              uid ->
                  new AirModel(uid, Checkpoint.fromDirectory(path + "/" + CHECKPOINT), predictor));
        } catch (ClassNotFoundException e) {
          throw new IllegalArgumentException(
              "the saved model's predictor " + type + " is not on the classpath", e);
        }
      }
    };
  }

  /** Loads a model saved with {@link #write()}. */
  public static AirModel load(String path) {
    return read().load(path);
  }

  @Override
  public String toString() {
    return "AirModel(" + checkpoint + ")";
  }
}
