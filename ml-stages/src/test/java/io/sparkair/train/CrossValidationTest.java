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
package io.sparkair.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkair.ml.AirModel;
import io.sparkair.ml.PreprocessorEstimator;
import io.sparkair.ml.PreprocessorModel;
import io.sparkair.ml.TrainerEstimator;
import io.sparkair.ml.XGBoostEstimator;
import io.sparkair.preprocess.MinMaxScaler;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.lightgbm.LightGBMTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link XGBoostEstimator}'s settings are Spark ML params: Spark ML's own {@code CrossValidator}
 * over a {@code ParamGridBuilder} grid trains a different model per grid point, keeps the best one
 * with the winning point's params, and saves and loads, alone and in a {@code Pipeline} after a
 * preprocessor stage; the same holds for any trainer through {@link TrainerEstimator}. The
 * evaluator scores the hard predictions.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CrossValidationTest {
  private static CancerData data;
  private static Dataset<Row> train;
  private static Dataset<Row> valid;

  @BeforeAll
  static void start() {
    data = CancerData.start("cross-validation");
    train = data.train.toDataFrame().cache();
    valid = data.valid.toDataFrame().cache();
  }

  @AfterAll
  static void stop() {
    data.close();
  }

  private static XGBoostEstimator xgboost(Path dir) {
    return new XGBoostEstimator()
        .setLabelCol("target")
        .setObjective("binary:logistic")
        .setEvalMetric("logloss")
        .setNumWorkers(2)
        .setStoragePath(dir.resolve("runs").toString());
  }

  private static BinaryClassificationEvaluator auc() {
    return new BinaryClassificationEvaluator()
        .setLabelCol("target")
        .setRawPredictionCol("prediction");
  }

  private static List<Double> predictions(Dataset<Row> scored) {
    return scored.select("prediction").collectAsList().stream()
        .map(r -> r.getDouble(0))
        .collect(Collectors.toList());
  }

  private static int best(double[] metrics) {
    int best = 0;
    for (int i = 1; i < metrics.length; i++) {
      if (metrics[i] > metrics[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void aGridOverDepthAndRoundsPicksTheBestPointAndTheWholeModelSavesAndLoads(@TempDir Path dir)
      throws Exception {
    XGBoostEstimator xgb = xgboost(dir);
    ParamMap[] grid =
        new ParamGridBuilder()
            .addGrid(xgb.maxDepth(), new int[] {1, 4})
            .addGrid(xgb.numRound(), new int[] {1, 20})
            .build();
    CrossValidatorModel model =
        new CrossValidator()
            .setEstimator(xgb)
            .setEstimatorParamMaps(grid)
            .setEvaluator(auc())
            .setNumFolds(2)
            .setSeed(7)
            .fit(train);

    double[] metrics = model.avgMetrics();
    assertTrue(
        Arrays.stream(metrics).distinct().count() > 1,
        "the grid points trained different models: " + Arrays.toString(metrics));
    ParamMap winning = grid[best(metrics)];
    XGBoostEstimator parent = assertInstanceOf(XGBoostEstimator.class, model.bestModel().parent());
    assertEquals(winning.apply(xgb.maxDepth()), parent.getMaxDepth());
    assertEquals(winning.apply(xgb.numRound()), parent.getNumRound());
    assertEquals("target", parent.getLabelCol(), "the point's params sit on the base settings");

    String path = dir.resolve("cv-model").toString();
    model.write().overwrite().save(path);
    CrossValidatorModel loaded = CrossValidatorModel.load(path);
    assertArrayEquals(metrics, loaded.avgMetrics());
    assertEquals(4, loaded.getEstimatorParamMaps().length);
    XGBoostEstimator estimator = assertInstanceOf(XGBoostEstimator.class, loaded.getEstimator());
    assertEquals("target", estimator.getLabelCol());
    assertEquals(predictions(model.transform(valid)), predictions(loaded.transform(valid)));
  }

  @Test
  void aPipelineWithAPreprocessorIsCrossValidatedOverTheTrainersParams(@TempDir Path dir)
      throws Exception {
    XGBoostEstimator xgb = xgboost(dir).setNumRound(10);
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new PreprocessorEstimator(new StandardScaler("mean radius", "mean texture")), xgb
                });
    ParamMap[] grid = new ParamGridBuilder().addGrid(xgb.maxDepth(), new int[] {1, 5}).build();
    CrossValidatorModel model =
        new CrossValidator()
            .setEstimator(pipeline)
            .setEstimatorParamMaps(grid)
            .setEvaluator(auc())
            .setNumFolds(2)
            .setSeed(7)
            .fit(train);
    PipelineModel best = assertInstanceOf(PipelineModel.class, model.bestModel());
    assertEquals(2, best.stages().length);
    Dataset<Row> scored = best.transform(valid);
    assertEquals(SQLDataTypes.VectorType(), scored.schema().apply("probability").dataType());
    assertEquals(scored.schema(), best.transformSchema(valid.schema()));
    assertTrue(
        auc().setRawPredictionCol("probability").evaluate(scored) > 0.95,
        "the best pipeline ranks held-out rows by its probability vectors");

    String path = dir.resolve("cv-pipeline").toString();
    model.write().overwrite().save(path);
    CrossValidatorModel loaded = CrossValidatorModel.load(path);
    assertArrayEquals(model.avgMetrics(), loaded.avgMetrics());
    assertEquals(predictions(model.transform(valid)), predictions(loaded.transform(valid)));
  }

  @Test
  void settingsAreParamsSparkMlCopiesExplainsAndPersists(@TempDir Path dir) throws Exception {
    XGBoostEstimator xgb =
        xgboost(dir)
            .setParams(
                Map.of(
                    "objective",
                    "binary:logistic",
                    "max_depth",
                    3,
                    "eval_metric",
                    List.of("logloss", "error"),
                    "max_bin",
                    64));
    assertEquals(
        Map.of(
            "objective",
            "binary:logistic",
            "max_depth",
            3,
            "eval_metric",
            List.of("logloss", "error"),
            "max_bin",
            64),
        xgb.xgboostParams());
    assertTrue(
        xgb.explainParams().contains("maxDepth: XGBoost's maximum tree depth"),
        xgb.explainParams());

    XGBoostEstimator copy = xgb.copy(new ParamMap().put(xgb.maxDepth().w(6)));
    assertEquals(6, copy.getMaxDepth());
    assertEquals(3, xgb.getMaxDepth(), "copy leaves the original as it was");
    assertEquals(xgb.uid(), copy.uid());

    String path = dir.resolve("estimator").toString();
    xgb.write().overwrite().save(path);
    XGBoostEstimator loaded = XGBoostEstimator.load(path);
    assertEquals(xgb.uid(), loaded.uid());
    assertEquals(xgb.xgboostParams(), loaded.xgboostParams());
    assertEquals(2, loaded.getNumWorkers());

    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> xgb.setNumWorkers(0));
    assertTrue(bad.getMessage().contains("numWorkers"), bad.getMessage());
  }

  @Test
  void anyTrainerIsAnEstimatorWhoseParamsAGridSearches(@TempDir Path dir) throws Exception {
    LightGBMTrainer lightgbm =
        new LightGBMTrainer()
            .setLabelColumn("target")
            .setParams(Map.of("objective", "binary", "num_leaves", 4, "min_data_in_leaf", 5))
            .setRunConfig(new RunConfig().setVerbose(0));
    TrainerEstimator estimator =
        new TrainerEstimator(lightgbm)
            .setNumWorkers(2)
            .setStoragePath(dir.resolve("runs").toString())
            .setPredictionCol("score");
    StructType announced = estimator.transformSchema(train.select("target").schema());
    assertEquals(List.of("target", "score", "probability"), Arrays.asList(announced.fieldNames()));
    assertEquals(SQLDataTypes.VectorType(), announced.apply("probability").dataType());

    ParamMap[] grid = {
      new ParamMap().put(estimator.trainerConfig().w("{\"numBoostRound\": 1}")),
      new ParamMap()
          .put(
              estimator
                  .trainerConfig()
                  .w("{\"numBoostRound\": 25, \"params\": {\"learning_rate\": 0.3}}"))
    };
    TrainValidationSplitModel model =
        new TrainValidationSplit()
            .setEstimator(estimator)
            .setEstimatorParamMaps(grid)
            .setSeed(7)
            .setTrainRatio(0.7)
            .setEvaluator(auc().setRawPredictionCol("score"))
            .fit(train);
    double[] metrics = model.validationMetrics();
    assertTrue(metrics[1] > metrics[0], "25 rounds beat 1: " + Arrays.toString(metrics));
    AirModel best = assertInstanceOf(AirModel.class, model.bestModel());
    assertEquals("score", best.getPredictionCol(), "the estimator's params reach the model");
    assertEquals(
        25,
        ((Number) best.checkpoint().getMetadata().metrics().get("training_iteration")).intValue(),
        "the best model is the 25-round point's");

    String path = dir.resolve("pipeline").toString();
    PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {estimator}).fit(train);
    pipeline.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    AirModel loadedModel = assertInstanceOf(AirModel.class, loaded.stages()[0]);
    assertEquals("score", loadedModel.getPredictionCol(), "the model's params persist");
    assertEquals(
        pipeline.transform(valid).select("score").collectAsList(),
        loaded.transform(valid).select("score").collectAsList());
  }

  @Test
  void aGridSearchesOverPreprocessorsAndTheStageSavesAsParams(@TempDir Path dir) throws Exception {
    String[] columns = {"mean radius", "mean texture"};
    PreprocessorEstimator scaler = new PreprocessorEstimator(new StandardScaler(columns));
    String minMax = Preprocessors.toJson(new MinMaxScaler(columns));
    ParamMap[] grid = {
      new ParamMap()
          .put(scaler.preprocessorJson().w(Preprocessors.toJson(new StandardScaler(columns)))),
      new ParamMap().put(scaler.preprocessorJson().w(minMax))
    };
    Pipeline pipeline =
        new Pipeline().setStages(new PipelineStage[] {scaler, xgboost(dir).setNumRound(5)});
    TrainValidationSplitModel model =
        new TrainValidationSplit()
            .setEstimator(pipeline)
            .setEstimatorParamMaps(grid)
            .setEvaluator(auc())
            .setSeed(7)
            .fit(train);
    int winner = best(model.validationMetrics());
    PreprocessorModel fitted =
        assertInstanceOf(PreprocessorModel.class, ((PipelineModel) model.bestModel()).stages()[0]);
    assertEquals(
        winner == 0 ? StandardScaler.class : MinMaxScaler.class,
        fitted.preprocessor().getClass(),
        "the best model's preprocessor is the winning point's");

    PreprocessorEstimator copy =
        scaler.copy(new ParamMap().put(scaler.preprocessorJson().w(minMax)));
    assertInstanceOf(MinMaxScaler.class, copy.preprocessor());
    assertInstanceOf(StandardScaler.class, scaler.preprocessor(), "copy leaves the original");

    String path = dir.resolve("scaler").toString();
    copy.write().overwrite().save(path);
    PreprocessorEstimator loaded = PreprocessorEstimator.load(path);
    assertEquals(copy.uid(), loaded.uid());
    assertEquals(minMax, loaded.getOrDefault(loaded.preprocessorJson()));

    Path metadata;
    try (var parts = Files.list(Path.of(path, "metadata"))) {
      metadata =
          parts.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().get();
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode saved = (ObjectNode) json.readTree(Files.readString(metadata));
    saved.putObject("paramMap");
    Files.writeString(metadata, json.writeValueAsString(saved) + "\n");
    Files.deleteIfExists(metadata.resolveSibling("." + metadata.getFileName() + ".crc"));
    Files.writeString(Path.of(path, "preprocessor.json"), minMax);
    assertInstanceOf(
        MinMaxScaler.class,
        PreprocessorEstimator.load(path).preprocessor(),
        "an estimator saved with its preprocessor beside the metadata (version 0.1.0) loads");
  }
}
