package io.sparkair.ml;

import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.RunConfig;
import io.sparkair.tune.ResultGrid;
import io.sparkair.tune.TrialResult;
import io.sparkair.tune.TuneConfig;
import io.sparkair.tune.Tuner;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A {@link Tuner} as a Spark ML {@code Estimator}: {@code fit(df)} converts the DataFrame to an
 * AIR dataset, sets it as the trainer's {@code train} dataset, runs the search, and returns the
 * {@link AirModel} of the best trial's checkpoint. The trainer's other datasets (a
 * {@code valid} set, say) are kept as they are, without a pipeline's earlier stages. Not saved
 * with a Pipeline: a search space holds functions.
 */
public final class TunerEstimator extends Estimator<AirModel> {
  private static final long serialVersionUID = 1L;

  /** The estimator's Spark ML identifier. */
  private final String uid;
  private final transient DataParallelTrainer trainer;
  private final transient Map<String, ?> paramSpace;
  private final transient TuneConfig tuneConfig;
  private final transient RunConfig runConfig;
  private transient ResultGrid lastGrid;

  /** An estimator searching {@code paramSpace} for {@code trainer}. */
  public TunerEstimator(DataParallelTrainer trainer, Map<String, ?> paramSpace,
      TuneConfig tuneConfig, RunConfig runConfig) {
    this.uid = Identifiable$.MODULE$.randomUID("airTuner");
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    this.paramSpace = Objects.requireNonNull(paramSpace, "paramSpace");
    this.tuneConfig = Objects.requireNonNull(tuneConfig, "tuneConfig");
    this.runConfig = Objects.requireNonNull(runConfig, "runConfig");
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * Searches on {@code dataset} and returns the best trial's model.
   *
   * @throws IllegalStateException when every trial failed
   */
  @Override
  public AirModel fit(Dataset<?> dataset) {
    ResultGrid grid = DataFrameTraining.onTrainFrame(dataset, trainer,
        withData -> new Tuner(withData, paramSpace, tuneConfig, runConfig).fit());
    lastGrid = grid;
    if (grid.numTerminated() == 0) {
      throw new IllegalStateException("every trial failed; the first: "
          + grid.errors().get(0).error(), grid.errors().get(0).error());
    }
    TrialResult best = grid.getBestResult();
    return copyValues(new AirModel(best.result().checkpoint()), ParamMap.empty())
        .setParent(this);
  }

  /** The trials of the last {@link #fit}, or null before one. */
  public ResultGrid lastResultGrid() {
    return lastGrid;
  }

  /** The input schema; the model adds the predictor's columns. */
  @Override
  public StructType transformSchema(StructType schema) {
    return schema;
  }

  @Override
  public TunerEstimator copy(ParamMap extra) {
    return copyValues(new TunerEstimator(trainer, paramSpace, tuneConfig, runConfig), extra);
  }
}
