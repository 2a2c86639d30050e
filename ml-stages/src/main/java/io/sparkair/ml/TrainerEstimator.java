package io.sparkair.ml;

import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.Result;
import java.util.Objects;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * Any trainer ({@code LightGBMTrainer}, {@code TorchTrainer}, a {@link DataParallelTrainer} of
 * your own loop) as a Spark ML {@code Estimator}: {@code fit(df)} converts the DataFrame to an
 * AIR dataset, trains on it as the trainer's {@code train} dataset (its other datasets, a
 * {@code valid} set say, are kept as they are: they do not pass through earlier stages of a
 * pipeline) and returns the {@link AirModel} of the final checkpoint, whose
 * predictor is the one of the checkpoint's framework. The fitted model saves and loads with a
 * {@code PipelineModel}; the estimator itself is not saved with a {@code Pipeline}, since a
 * trainer holds code. {@link XGBoostEstimator} is the savable form for XGBoost.
 */
public final class TrainerEstimator extends Estimator<AirModel> {
  private static final long serialVersionUID = 1L;

  /** The estimator's Spark ML identifier. */
  private final String uid;
  private final transient DataParallelTrainer trainer;
  private transient Result lastResult;

  /** An estimator fitting with {@code trainer}. */
  public TrainerEstimator(DataParallelTrainer trainer) {
    this(Identifiable$.MODULE$.randomUID("airTrainer"), trainer);
  }

  private TrainerEstimator(String uid, DataParallelTrainer trainer) {
    this.uid = uid;
    this.trainer = Objects.requireNonNull(trainer, "trainer");
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * Trains on {@code dataset} and returns the model of the final checkpoint.
   *
   * @throws IllegalStateException when the run reported no checkpoint
   */
  @Override
  public AirModel fit(Dataset<?> dataset) {
    Result result = DataFrameTraining.onTrainFrame(dataset, trainer, DataParallelTrainer::fit);
    lastResult = result;
    if (result.checkpoint() == null) {
      throw new IllegalStateException("the run " + result.path() + " reported no checkpoint;"
          + " a model needs one");
    }
    return copyValues(new AirModel(result.checkpoint()), ParamMap.empty()).setParent(this);
  }

  /** The run of the last {@link #fit}, or null before one. */
  public Result lastResult() {
    return lastResult;
  }

  /**
   * The schema of the fitted model's output: the input's columns and the predictor's, as the
   * trainer knows them before training ({@link DataParallelTrainer#predictionSchema}; a loop of
   * your own adds none it can announce).
   */
  @Override
  public StructType transformSchema(StructType schema) {
    return trainer.predictionSchema(schema);
  }

  @Override
  public TrainerEstimator copy(ParamMap extra) {
    return copyValues(new TrainerEstimator(uid, trainer), extra);
  }
}
