package io.sparkair.ml;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.train.Trainer;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The estimators' common step: a DataFrame made the {@code train} dataset of a trainer. */
final class DataFrameTraining {
  private DataFrameTraining() {}

  /**
   * What {@code run} makes of a copy of {@code trainer} whose {@code train} dataset is
   * {@code frame}, converted to an AIR dataset and released afterwards.
   */
  @SuppressWarnings("unchecked")
  static <T> T onTrainFrame(Dataset<?> frame, Trainer trainer,
      Function<Trainer, T> run) {
    try (AirDataset train = Air.get(frame.sparkSession()).fromDataFrame((Dataset<Row>) frame)) {
      return run.apply(trainer.withConfig(Map.of()).setDataset("train", train));
    }
  }
}
