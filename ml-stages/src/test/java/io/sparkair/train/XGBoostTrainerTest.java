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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.ml.PreprocessorEstimator;
import io.sparkair.ml.XGBoostEstimator;
import io.sparkair.plugin.Air;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The seed's XGBoostTrainer on the breast-cancer data: 2 workers, 20 rounds. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class XGBoostTrainerTest {
  private static final String[] SCALED = {
    "mean radius", "mean texture", "mean perimeter", "mean area"
  };
  private static CancerData data;
  private static SparkSession spark;
  private static Air air;
  private static AirDataset train;
  private static AirDataset valid;

  @BeforeAll
  static void start() {
    data = CancerData.start("xgboost-trainer-test");
    spark = data.spark;
    air = data.air;
    train = data.train;
    valid = data.valid;
  }

  @AfterAll
  static void stop() {
    data.close();
  }

  /** The checkpoints' temporary directories that exist now. */
  private static Set<Path> temporaryCheckpoints() throws Exception {
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(p -> p.getFileName().toString().startsWith("spark-air-checkpoint-"))
          .collect(Collectors.toSet());
    }
  }

  private static Map<String, Object> params() {
    Map<String, Object> params = new HashMap<>();
    params.put("objective", "binary:logistic");
    params.put("eval_metric", List.of("logloss", "error"));
    params.put("tree_method", "hist");
    params.put("max_depth", 4);
    params.put("seed", 7);
    return params;
  }

  @Test
  void evaluatesEveryKRoundsAndOnCheckpointedRounds(@TempDir Path dir) {
    XGBoostTrainer trainer =
        new XGBoostTrainer()
            .setLabelColumn("target")
            .setNumBoostRound(10)
            .setParams(params())
            .setEvalFrequency(4)
            .setCheckpointFrequency(3)
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("train", train)
            .setRunConfig(new RunConfig().setName("every-4").setStoragePath(dir.toString()));
    Result result = trainer.fit();

    assertEquals(null, result.error());
    assertEquals(
        List.of(3, 4, 6, 8, 9, 10),
        result.metricsHistory().stream().map(m -> m.get("training_iteration")).toList(),
        "evaluated every 4 rounds, on the checkpointed rounds and the last");
    assertTrue(result.metrics().get("train-logloss") instanceof Double, "" + result.metrics());
    assertEquals(4, trainer.withConfig(Map.of()).evalFrequency());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> trainer.setEvalFrequency(0));
    assertTrue(e.getMessage().contains("evalFrequency must be >= 1, got 0"), e.getMessage());
  }

  @Test
  void trainsTheSeedModelAndLeavesACheckpointPlainXGBoostLoads(@TempDir Path dir) throws Exception {
    Set<Path> temporaryBefore = temporaryCheckpoints();
    Result result =
        new XGBoostTrainer()
            .setLabelColumn("target")
            .setNumBoostRound(20)
            .setParams(params())
            .setCheckpointFrequency(5)
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("train", train)
            .setDataset("valid", valid)
            .setPreprocessor(new StandardScaler(SCALED))
            .setRunConfig(new RunConfig().setName("cancer").setStoragePath(dir.toString()))
            .fit();

    assertEquals(null, result.error());
    assertEquals(20, result.metricsHistory().size());
    Map<String, Object> last = result.metrics();
    assertEquals(20, last.get("training_iteration"));
    for (String key : List.of("train-logloss", "train-error", "valid-logloss", "valid-error")) {
      assertTrue(last.get(key) instanceof Double, key + " in " + last);
    }
    double logloss0 = (Double) result.metricsHistory().get(0).get("train-logloss");
    assertTrue((Double) last.get("train-logloss") < logloss0, "the loss falls");
    double validAccuracy = 1 - (Double) last.get("valid-error");
    assertTrue(validAccuracy > 0.92, "held-out accuracy " + validAccuracy);

    Path run = dir.resolve("cancer");
    assertEquals(20, Files.readAllLines(run.resolve("result.json")).size());
    assertEquals(21, Files.readAllLines(run.resolve("progress.csv")).size());
    assertEquals(4, result.bestCheckpoints().size(), "checkpoints at rounds 5, 10, 15, 20");
    assertEquals(
        temporaryBefore,
        temporaryCheckpoints(),
        "the reported checkpoints' temporary copies are deleted once stored");
    assertTrue(Files.isDirectory(run.resolve("checkpoint_000020")));

    Checkpoint checkpoint = result.checkpoint();
    assertEquals("xgboost", checkpoint.getMetadata().framework());
    assertEquals("StandardScaler", checkpoint.getMetadata().preprocessorType());
    Booster booster =
        XGBoost.loadModel(Files.readAllBytes(checkpoint.modelDirectory().resolve("model.json")));
    Rows validRows = Rows.of(valid, checkpoint);
    float[][] predictions = booster.predict(validRows.matrix());
    assertEquals(
        validAccuracy,
        validRows.accuracy(predictions),
        1e-9,
        "plain XGBoost4J on the checkpoint scores as the run reported");

    try (XGBoostPredictor predictor = XGBoostPredictor.fromCheckpoint(checkpoint);
        BatchIterator batches = valid.iterBatches(10_000, 0)) {
      int row = 0;
      while (batches.hasNext()) {
        try (VectorSchemaRoot out = predictor.predict(batches.next())) {
          for (int i = 0; i < out.getRowCount(); i++, row++) {
            List<?> probability = (List<?>) out.getVector("probability").getObject(i);
            assertEquals(
                predictions[row][0],
                (Double) probability.get(1),
                1e-6,
                "the predictor equals XGBoost4J's predict, row " + row);
            assertEquals(
                predictions[row][0] > 0.5 ? 1.0 : 0.0, out.getVector("prediction").getObject(i));
          }
        }
      }
      assertEquals(predictions.length, row);
    }

    Rows trainRows = Rows.of(train, checkpoint);
    Map<String, Object> single = new HashMap<>(params());
    single.remove("eval_metric");
    single.put("nthread", 1);
    Booster alone = XGBoost.train(trainRows.matrix(), single, 20, new HashMap<>(), null, null);
    double aloneAccuracy = validRows.accuracy(alone.predict(validRows.matrix()));
    assertEquals(
        aloneAccuracy, validAccuracy, 0.02, "single-process XGBoost4J on the same rows and params");

    long reported =
        result
            .metricsDataFrame(spark)
            .where(functions.col("training_iteration").equalTo(20))
            .count();
    assertEquals(1, reported);
  }

  @Test
  void resumeFromCheckpointContinuesAnEarlierRun(@TempDir Path dir) {
    RunConfig first = new RunConfig().setName("first").setStoragePath(dir.toString()).setVerbose(0);
    Result ten =
        new XGBoostTrainer()
            .setLabelColumn("target")
            .setNumBoostRound(10)
            .setParams(params())
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("train", train)
            .setPreprocessor(new StandardScaler(SCALED))
            .setRunConfig(first)
            .fit();
    assertEquals(10, ten.metricsHistory().size());

    EarlyStopping never = new EarlyStopping("train-logloss", "min", 100, 0.0);
    Result twenty =
        new XGBoostTrainer()
            .setLabelColumn("target")
            .setNumBoostRound(20)
            .setParams(params())
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("train", train)
            .setResumeFromCheckpoint(ten.checkpoint())
            .setRunConfig(
                new RunConfig()
                    .setName("second")
                    .setStoragePath(dir.toString())
                    .setVerbose(0)
                    .addCallbacks(never))
            .fit();
    assertEquals(10, twenty.metricsHistory().size(), "rounds 11 to 20 only");
    assertEquals(11, twenty.metricsHistory().get(0).get("training_iteration"));
    assertEquals(
        "StandardScaler",
        twenty.checkpoint().getMetadata().preprocessorType(),
        "the resumed run keeps the checkpoint's fitted preprocessor");
    assertEquals(
        ten.checkpoint().getPreprocessor().stats(), twenty.checkpoint().getPreprocessor().stats());
  }

  @Test
  void theCheckpointConfigKeepsTheBestCheckpointsAndDeletesTheRest(@TempDir Path dir)
      throws Exception {
    Result result =
        new XGBoostTrainer()
            .setLabelColumn("target")
            .setNumBoostRound(10)
            .setCheckpointFrequency(2)
            .setParams(params())
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("train", train)
            .setDataset("valid", valid)
            .setRunConfig(
                new RunConfig()
                    .setName("kept")
                    .setStoragePath(dir.toString())
                    .setVerbose(0)
                    .setCheckpointConfig(CheckpointConfig.keep(2).scoreBy("valid-logloss", "min")))
            .fit();
    List<Checkpoint> best = result.bestCheckpoints();
    assertEquals(2, best.size());
    double first = (Double) best.get(0).getMetadata().metrics().get("valid-logloss");
    double second = (Double) best.get(1).getMetadata().metrics().get("valid-logloss");
    assertTrue(first <= second, "best first: " + first + " then " + second);
    double lowest =
        result.metricsHistory().stream()
            .filter(m -> ((Number) m.get("training_iteration")).intValue() % 2 == 0)
            .mapToDouble(m -> (Double) m.get("valid-logloss"))
            .min()
            .orElseThrow();
    assertEquals(lowest, first, 1e-12);
    try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("kept"))) {
      List<String> kept =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("checkpoint_"))
              .sorted()
              .collect(java.util.stream.Collectors.toList());
      assertTrue(kept.contains("checkpoint_000010"), "the newest stays: " + kept);
      assertTrue(kept.size() <= 3, "the others were deleted: " + kept);
    }
  }

  @Test
  void earlyStoppingEndsEveryWorkerAtTheSameRound(@TempDir Path dir) {
    Map<String, Object> slow = params();
    slow.put("eta", 1.0);
    EarlyStopping plateau = new EarlyStopping("valid-logloss", "min", 3, 0.0);
    Result result =
        new XGBoostTrainer()
            .setLabelColumn("target")
            .setNumBoostRound(200)
            .setParams(slow)
            .setScalingConfig(ScalingConfig.of(2))
            .setDataset("train", train)
            .setDataset("valid", valid)
            .setRunConfig(
                new RunConfig()
                    .setName("early")
                    .setStoragePath(dir.toString())
                    .setVerbose(0)
                    .addCallbacks(plateau))
            .fit();
    int rounds = result.metricsHistory().size();
    assertTrue(rounds < 200, "stopped early after " + rounds + " rounds");
    assertEquals(rounds, ((Number) result.metrics().get("training_iteration")).intValue());
    assertTrue(result.checkpoint() != null, "the last round is checkpointed");
    assertEquals(
        rounds,
        ((Number) result.checkpoint().getMetadata().metrics().get("training_iteration"))
            .intValue());
  }

  @Test
  void xgboostIsASparkMlEstimatorInAPipelineThatSavesAndLoads(@TempDir Path dir) throws Exception {
    Dataset<Row> trainDf = train.toDataFrame();
    Dataset<Row> validDf = valid.toDataFrame();
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new PreprocessorEstimator(new StandardScaler(SCALED)),
                  new XGBoostEstimator()
                      .setLabelCol("target")
                      .setParams(params())
                      .setNumBoostRound(20)
                      .setNumWorkers(2)
                      .setStoragePath(dir.resolve("runs").toString())
                });
    PipelineModel model = pipeline.fit(trainDf);
    Dataset<Row> scored = model.transform(validDf);
    List<String> columns = List.of(scored.columns());
    assertTrue(
        columns.containsAll(List.of("target", "mean radius", "prediction", "probability")),
        columns.toString());
    double accuracy = (double) scored.where("prediction = target").count() / validDf.count();
    assertTrue(accuracy > 0.92, "held-out accuracy " + accuracy);
    assertEquals(
        scored.schema().simpleString(),
        pipeline.transformSchema(validDf.schema()).simpleString(),
        "the unfitted pipeline announces the columns its model adds");

    String path = dir.resolve("pipeline").toString();
    model.write().overwrite().save(path);
    Dataset<Row> again = PipelineModel.load(path).transform(validDf);
    assertEquals(
        scored.select("prediction", "probability").collectAsList(),
        again.select("prediction", "probability").collectAsList());

    pipeline.write().overwrite().save(dir.resolve("unfitted").toString());
    Pipeline loaded = Pipeline.load(dir.resolve("unfitted").toString());
    assertEquals(2, loaded.getStages().length);
    assertTrue(loaded.getStages()[1] instanceof XGBoostEstimator);
  }

  @Test
  void badInputFailsBeforeTrainingStarts(@TempDir Path dir) {
    RunConfig run = new RunConfig().setStoragePath(dir.toString()).setVerbose(0);
    IllegalArgumentException label =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new XGBoostTrainer()
                    .setLabelColumn("nope")
                    .setDataset("train", train)
                    .setScalingConfig(ScalingConfig.of(2))
                    .setRunConfig(run)
                    .fit());
    assertTrue(label.getMessage().contains("'nope'"), label.getMessage());

    IllegalArgumentException objective =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new XGBoostTrainer()
                    .setLabelColumn("target")
                    .setDataset("train", train)
                    .setParams(Map.of("eta", 0.3))
                    .setParam("objective", "binary:magic")
                    .setRunConfig(run)
                    .fit());
    assertTrue(objective.getMessage().contains("binary:magic"), objective.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new XGBoostTrainer().setParam(" ", 1));
    assertThrows(
        IllegalArgumentException.class, () -> new XGBoostTrainer().setParam("max_depth", null));

    try (AirDataset withText =
        air.fromDataFrame(train.toDataFrame().withColumn("note", functions.lit("text")))) {
      IllegalArgumentException text =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new XGBoostTrainer()
                      .setLabelColumn("target")
                      .setDataset("train", withText)
                      .setRunConfig(run)
                      .fit());
      assertTrue(text.getMessage().contains("'note'"), text.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> ScalingConfig.of(0));
    IllegalArgumentException slots =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new XGBoostTrainer()
                    .setLabelColumn("target")
                    .setDataset("train", train)
                    .setScalingConfig(ScalingConfig.of(3))
                    .setRunConfig(run)
                    .fit());
    assertTrue(
        slots.getMessage().contains("3") && slots.getMessage().contains("2"), slots.getMessage());
  }

  /** A dataset's rows, preprocessed as the checkpoint says, as XGBoost input in this JVM. */
  private static final class Rows {
    final float[] values;
    final float[] labels;
    final int columns;

    private Rows(float[] values, float[] labels, int columns) {
      this.values = values;
      this.labels = labels;
      this.columns = columns;
    }

    static Rows of(AirDataset ds, Checkpoint checkpoint) {
      List<float[]> rows = new ArrayList<>();
      List<Float> labels = new ArrayList<>();
      try (BatchIterator batches = ds.iterBatches(1024, 0)) {
        while (batches.hasNext()) {
          try (VectorSchemaRoot batch =
              checkpoint.getPreprocessor().transformBatch(batches.next())) {
            List<FieldVector> features = new ArrayList<>(batch.getFieldVectors());
            FieldVector label = batch.getVector("target");
            features.remove(label);
            for (int i = 0; i < batch.getRowCount(); i++) {
              float[] row = new float[features.size()];
              for (int c = 0; c < row.length; c++) {
                row[c] = value(features.get(c), i);
              }
              rows.add(row);
              labels.add(value(label, i));
            }
          }
        }
      }
      int width = rows.get(0).length;
      float[] flat = new float[rows.size() * width];
      float[] y = new float[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        System.arraycopy(rows.get(r), 0, flat, r * width, width);
        y[r] = labels.get(r);
      }
      return new Rows(flat, y, width);
    }

    private static float value(FieldVector v, int i) {
      return v instanceof FloatingPointVector
          ? (float) ((FloatingPointVector) v).getValueAsDouble(i)
          : ((BaseIntVector) v).getValueAsLong(i);
    }

    DMatrix matrix() throws Exception {
      DMatrix m = new DMatrix(values, labels.length, columns, Float.NaN);
      m.setLabel(labels);
      return m;
    }

    double accuracy(float[][] predictions) {
      int right = 0;
      for (int i = 0; i < labels.length; i++) {
        if ((predictions[i][0] > 0.5 ? 1f : 0f) == labels[i]) {
          right++;
        }
      }
      return (double) right / labels.length;
    }
  }
}
