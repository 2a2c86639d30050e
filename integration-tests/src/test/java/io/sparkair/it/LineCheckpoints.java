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
package io.sparkair.it;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.plugin.SparkLine;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The checkpoints each Spark line writes for {@link CheckpointAcrossLinesTest}: XGBoost on the
 * breast-cancer rows, 2 workers, a fitted {@code StandardScaler} inside, and the probabilities it
 * gave on the line that trained it. {@link #main} writes this line's into {@code <dir>/<line>}
 * ({@code scripts/write-line-checkpoints.sh} runs it on every line).
 */
final class LineCheckpoints {
  static final String CHECKPOINT = "checkpoint";
  static final String PREDICTIONS = "predictions.txt";
  static final String SPARK_VERSION = "spark-version.txt";

  private LineCheckpoints() {}

  static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("checkpoints-across-lines")
        .config("spark.ui.enabled", "false")
        .config("spark.plugins", AirPlugin.class.getName())
        .getOrCreate();
  }

  /** The breast-cancer rows, in file order. */
  static AirDataset rows(Air air) {
    String csv = LineCheckpoints.class.getResource("/breast_cancer.csv").getPath();
    return air.readCsv(csv, Map.of("header", "true", "inferSchema", "true"));
  }

  /** The probability of class 1 the checkpoint gives each row, in row order. */
  static List<Double> predict(Checkpoint checkpoint, AirDataset rows) {
    try (AirDataset predicted =
        BatchPredictor.fromCheckpoint(checkpoint, XGBoostPredictor.class)
            .predict(rows.dropColumns("target"))) {
      List<Double> out = new ArrayList<>();
      for (Row row : predicted.toDataFrame().select("probability").collectAsList()) {
        out.add(row.<Double>getList(0).get(1));
      }
      return out;
    }
  }

  /** Trains this line's checkpoint and writes it, its predictions and the Spark version. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]).resolve(SparkLine.built().line());
    SparkSession spark = session();
    try (AirDataset rows = rows(Air.get(spark))) {
      List<String> features = new ArrayList<>(List.of(rows.schema().fieldNames()));
      features.remove("target");
      Path storage = Files.createTempDirectory("line-checkpoint");
      Checkpoint checkpoint =
          new XGBoostTrainer()
              .setLabelColumn("target")
              .setNumBoostRound(10)
              .setParams(Map.of("objective", "binary:logistic", "max_depth", 3))
              .setScalingConfig(ScalingConfig.of(2))
              .setDataset("train", rows)
              .setPreprocessor(new StandardScaler(features.toArray(new String[0])))
              .setRunConfig(new RunConfig().setStoragePath(storage.toString()).setVerbose(0))
              .fit()
              .checkpoint();
      Files.createDirectories(out);
      checkpoint.toDirectory(out.resolve(CHECKPOINT).toString());
      Files.writeString(
          out.resolve(PREDICTIONS),
          predict(checkpoint, rows).stream()
              .map(String::valueOf)
              .collect(Collectors.joining("\n", "", "\n")));
      Files.writeString(out.resolve(SPARK_VERSION), spark.version() + "\n");
    } finally {
      spark.stop();
    }
  }
}
