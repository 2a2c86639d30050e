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
   * What {@code run} makes of a copy of {@code trainer} whose {@code train} dataset is {@code
   * frame}, converted to an AIR dataset and released afterwards.
   */
  @SuppressWarnings("unchecked")
  static <T> T onTrainFrame(Dataset<?> frame, Trainer trainer, Function<Trainer, T> run) {
    try (AirDataset train = Air.get(frame.sparkSession()).fromDataFrame((Dataset<Row>) frame)) {
      return run.apply(trainer.withConfig(Map.of()).setDataset("train", train));
    }
  }
}
