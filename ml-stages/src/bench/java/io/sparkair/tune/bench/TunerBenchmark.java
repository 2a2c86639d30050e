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
package io.sparkair.tune.bench;

import io.sparkair.bench.XGBoostSpark;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import io.sparkair.tune.AshaScheduler;
import io.sparkair.tune.ResultGrid;
import io.sparkair.tune.Tune;
import io.sparkair.tune.TuneConfig;
import io.sparkair.tune.Tuner;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The same 16-point grid (XGBoost {@code max_depth} × {@code eta}, 20 rounds) on 200,000 synthetic
 * rows, on 2 cores, in one run: our Tuner on AIR datasets (ASHA: grace 2, reduction factor 3; two
 * one-core trials at a time; worker groups reused unless {@code -Dbench.reuse=false}), against
 * Spark MLlib's {@code TrainValidationSplit} (parallelism 2) with XGBoost4J-Spark, on the same
 * 75/25 split; best validation AUC of each.
 *
 * <p>Run: {@code mvn -B -DskipTests install && mvn -B -pl ml-stages -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.tune.bench.TunerBenchmark}.
 */
public final class TunerBenchmark {
  private static final int[] DEPTHS = {2, 4, 6, 8};
  private static final double[] ETAS = {0.05, 0.1, 0.2, 0.3};
  private static final int ROUNDS = 20;
  private static final boolean REUSE =
      Boolean.parseBoolean(System.getProperty("bench.reuse", "true"));

  private TunerBenchmark() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("tuner-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    try {
      run(spark, Long.getLong("bench.rows", 200_000L));
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, long rows) throws Exception {
    Column[] features = new Column[8];
    String[] names = new String[8];
    for (int c = 0; c < 8; c++) {
      names[c] = "f" + c;
      features[c] = functions.rand(c).alias(names[c]);
    }
    Dataset<Row> all =
        spark
            .range(0, rows, 1, 2)
            .select(features)
            .withColumn(
                "label",
                functions
                    .when(
                        functions
                            .col("f0")
                            .multiply(functions.col("f1"))
                            .plus(functions.rand(77).multiply(0.3))
                            .gt(0.4),
                        1.0)
                    .otherwise(0.0));
    Dataset<Row>[] split = all.randomSplit(new double[] {0.75, 0.25}, 5);
    Dataset<Row> trainDf = split[0].cache();
    Dataset<Row> validDf = split[1].cache();
    trainDf.count();
    validDf.count();
    Air air = Air.get(spark);
    AirDataset train = air.fromDataFrame(trainDf);
    AirDataset valid = air.fromDataFrame(validDf);

    long t0 = System.nanoTime();
    XGBoostTrainer trainer =
        new XGBoostTrainer()
            .setLabelColumn("label")
            .setNumBoostRound(ROUNDS)
            .setParams(
                Map.of(
                    "objective",
                    "binary:logistic",
                    "eval_metric",
                    List.of("auc"),
                    "tree_method",
                    "hist"))
            .setScalingConfig(ScalingConfig.of(1))
            .setDataset("train", train)
            .setDataset("valid", valid);
    ResultGrid grid =
        new Tuner(
                trainer,
                Map.of(
                    "params",
                    Map.of(
                        "max_depth",
                        Tune.gridSearch(2, 4, 6, 8),
                        "eta",
                        Tune.gridSearch(0.05, 0.1, 0.2, 0.3))),
                new TuneConfig()
                    .setMetric("valid-auc", "max")
                    .setMaxConcurrentTrials(2)
                    .setReservedCpuFraction(0)
                    .setReuseActors(REUSE)
                    .setScheduler(new AshaScheduler("training_iteration", ROUNDS, 2, 3)),
                new RunConfig()
                    .setStoragePath(Files.createTempDirectory("tuner-bench").toString())
                    .setVerbose(0))
            .fit();
    double ours = (System.nanoTime() - t0) / 1e9;
    double oursBest = (Double) grid.getBestResult().metrics().get("valid-auc");

    Dataset<Row> assembled =
        new VectorAssembler()
            .setInputCols(names)
            .setOutputCol("features")
            .transform(trainDf.union(validDf))
            .select("features", "label");
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores; %d rows, 16-point grid, %d rounds%n",
        Runtime.getRuntime().availableProcessors(),
        rows,
        ROUNDS);
    System.out.printf(
        Locale.ROOT,
        "Tuner (ASHA, 2 trials at a time, reuseActors=%s): %.1f s, "
            + "best valid AUC %.4f; trials stopped early: %d%n",
        REUSE,
        ours,
        oursBest,
        grid.size()
            - (int)
                java.util.stream.StreamSupport.stream(grid.spliterator(), false)
                    .filter(
                        t -> ((Number) t.metrics().get("training_iteration")).intValue() == ROUNDS)
                    .count());
    if (!XGBoostSpark.AVAILABLE) {
      System.out.printf(
          Locale.ROOT,
          "TrainValidationSplit + XGBoost4J-Spark: no XGBoost4J-Spark " + "build for Spark %s%n",
          spark.version());
      return;
    }
    Estimator<?> classifier = XGBoostSpark.classifier(1, ROUNDS, 6);
    ParamMap[] paramGrid = XGBoostSpark.grid(classifier, DEPTHS, ETAS);
    TrainValidationSplit tvs =
        new TrainValidationSplit()
            .setEstimator(classifier)
            .setEstimatorParamMaps(paramGrid)
            .setEvaluator(new BinaryClassificationEvaluator().setMetricName("areaUnderROC"))
            .setTrainRatio(0.75)
            .setParallelism(2)
            .setSeed(5);
    long t1 = System.nanoTime();
    TrainValidationSplitModel model = tvs.fit(assembled);
    double peer = (System.nanoTime() - t1) / 1e9;
    double peerBest = java.util.Arrays.stream(model.validationMetrics()).max().orElseThrow();

    System.out.printf(
        Locale.ROOT,
        "TrainValidationSplit + XGBoost4J-Spark (parallelism 2): "
            + "%.1f s, best AUC %.4f; Tuner is %.2fx faster%n",
        peer,
        peerBest,
        peer / ours);
    train.close();
    valid.close();
  }
}
