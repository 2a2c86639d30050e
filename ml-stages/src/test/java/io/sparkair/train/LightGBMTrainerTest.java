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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.data.BatchIterator;
import io.sparkair.ml.AirModel;
import io.sparkair.ml.PreprocessorEstimator;
import io.sparkair.ml.TrainerEstimator;
import io.sparkair.plugin.Air;
import io.sparkair.predict.FeatureRows;
import io.sparkair.predict.LightGBMPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.lightgbm.LightGBMTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** LightGBMTrainer on the breast-cancer data, with 1 and 2 workers. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LightGBMTrainerTest {
  private static CancerData data;
  private static Air air;
  private static AirDataset train;
  private static AirDataset valid;

  @BeforeAll
  static void start() {
    data = CancerData.start("lightgbm-trainer-test");
    air = data.air;
    train = data.train;
    valid = data.valid;
  }

  @AfterAll
  static void stop() {
    data.close();
  }

  private static Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("objective", "binary");
    params.put("metric", List.of("binary_logloss", "binary_error"));
    params.put("num_leaves", 15);
    params.put("learning_rate", 0.1);
    params.put("min_data_in_leaf", 10);
    params.put("seed", 7);
    return params;
  }

  private static LightGBMTrainer trainer(int workers, int rounds, Path dir, String name) {
    return new LightGBMTrainer()
        .setLabelColumn("target")
        .setNumBoostRound(rounds)
        .setParams(params())
        .setScalingConfig(ScalingConfig.of(workers))
        .setDataset("train", train)
        .setDataset("valid", valid)
        .setRunConfig(new RunConfig().setName(name).setStoragePath(dir.toString()).setVerbose(0));
  }

  @Test
  void twoWorkersTrainOneModelAsAccurateAsSingleProcessLightGBM(@TempDir Path dir)
      throws Exception {
    Result result = trainer(2, 30, dir, "two").setCheckpointFrequency(10).fit();

    assertNull(result.error());
    assertEquals(
        List.of(),
        Thread.getAllStackTraces().keySet().stream()
            .map(Thread::getName)
            .filter(name -> name.startsWith("lightgbm-listen-watch"))
            .collect(java.util.stream.Collectors.toList()),
        "no thread watching for LightGBM's listener outlives the network's start");
    assertEquals(30, result.metricsHistory().size());
    Map<String, Object> last = result.metrics();
    assertEquals(30, last.get("training_iteration"));
    for (String key :
        List.of(
            "train-binary_logloss",
            "train-binary_error",
            "valid-binary_logloss",
            "valid-binary_error")) {
      assertTrue(last.get(key) instanceof Double, key + " in " + last);
    }
    double loss0 = (Double) result.metricsHistory().get(0).get("train-binary_logloss");
    assertTrue((Double) last.get("train-binary_logloss") < loss0 / 2, "the loss falls");
    double validAccuracy = 1 - (Double) last.get("valid-binary_error");
    assertTrue(validAccuracy > 0.92, "held-out accuracy " + validAccuracy);
    assertEquals(3, result.bestCheckpoints().size(), "checkpoints at rounds 10, 20, 30");

    Checkpoint checkpoint = result.checkpoint();
    assertEquals("lightgbm", checkpoint.getMetadata().framework());
    String model =
        Files.readString(checkpoint.modelDirectory().resolve(LightGBMPredictor.MODEL_FILE));
    Rows trainRows = Rows.of(train);
    long firstTreeRows =
        model
            .lines()
            .filter(l -> l.startsWith("leaf_count="))
            .findFirst()
            .map(
                l ->
                    Arrays.stream(l.substring("leaf_count=".length()).split(" "))
                        .mapToLong(Long::parseLong)
                        .sum())
            .orElseThrow();
    assertEquals(trainRows.n, firstTreeRows, "the trees were grown over both workers' rows");
    Rows validRows = Rows.of(valid);
    double[] plain;
    try (LGBMBooster booster = LGBMBooster.loadModelFromString(model)) {
      plain =
          booster.predictForMat(
              validRows.values,
              validRows.n,
              validRows.width,
              true,
              PredictionType.C_API_PREDICT_NORMAL);
    }
    assertEquals(
        validAccuracy,
        validRows.accuracy(plain),
        1e-12,
        "the error over both workers' rows is the whole valid set's");

    try (LightGBMPredictor predictor = LightGBMPredictor.fromCheckpoint(checkpoint);
        BatchIterator batches = valid.iterBatches(10_000, 0)) {
      int row = 0;
      while (batches.hasNext()) {
        try (VectorSchemaRoot out = predictor.predict(batches.next())) {
          for (int i = 0; i < out.getRowCount(); i++, row++) {
            List<?> probability = (List<?>) out.getVector("probability").getObject(i);
            assertEquals(plain[row], (Double) probability.get(1), 1e-12, "row " + row);
            assertEquals(plain[row] > 0.5 ? 1.0 : 0.0, out.getVector("prediction").getObject(i));
          }
        }
      }
      assertEquals(validRows.n, row);
    }

    String single =
        "objective=binary num_leaves=15 learning_rate=0.1 min_data_in_leaf=10 "
            + "seed=7 verbosity=-1 num_threads=1";
    try (LGBMDataset data =
            LGBMDataset.createFromMat(
                trainRows.values, trainRows.n, trainRows.width, true, single, null);
        LGBMBooster alone = create(data, trainRows, single)) {
      for (int i = 0; i < 30; i++) {
        alone.updateOneIter();
      }
      double aloneAccuracy =
          validRows.accuracy(
              alone.predictForMat(
                  validRows.values,
                  validRows.n,
                  validRows.width,
                  true,
                  PredictionType.C_API_PREDICT_NORMAL));
      assertEquals(
          aloneAccuracy,
          validAccuracy,
          0.03,
          "single-process LightGBM on the same rows and parameters");
    }
  }

  private static LGBMBooster create(LGBMDataset data, Rows rows, String params) throws Exception {
    data.setField("label", rows.labels);
    return LGBMBooster.create(data, params);
  }

  @Test
  void resumingFromACheckpointContinuesAsIfNeverStopped(@TempDir Path dir) throws Exception {
    Result ten = trainer(1, 10, dir, "ten").fit();
    Result resumed = trainer(1, 20, dir, "resumed").setResumeFromCheckpoint(ten.checkpoint()).fit();
    assertEquals(10, resumed.metricsHistory().size(), "rounds 11 to 20 only");
    assertEquals(11, resumed.metricsHistory().get(0).get("training_iteration"));
    Result straight = trainer(1, 20, dir, "straight").fit();
    assertEquals(
        (Double) straight.metrics().get("valid-binary_logloss"),
        (Double) resumed.metrics().get("valid-binary_logloss"),
        1e-9);

    Rows validRows = Rows.of(valid);
    double[] a = predict(resumed.checkpoint(), validRows);
    double[] b = predict(straight.checkpoint(), validRows);
    for (int i = 0; i < a.length; i++) {
      assertEquals(b[i], a[i], 1e-9, "row " + i);
    }
  }

  private static double[] predict(Checkpoint checkpoint, Rows rows) throws Exception {
    String model =
        Files.readString(checkpoint.modelDirectory().resolve(LightGBMPredictor.MODEL_FILE));
    assertEquals(20, model.lines().filter(l -> l.startsWith("Tree=")).count());
    try (LGBMBooster booster = LGBMBooster.loadModelFromString(model)) {
      return booster.predictForMat(
          rows.values, rows.n, rows.width, true, PredictionType.C_API_PREDICT_NORMAL);
    }
  }

  @Test
  void aLightGBMCheckpointIsASparkMlModel(@TempDir Path dir) {
    Result result = trainer(2, 20, dir, "ml").fit();
    Dataset<Row> validDf = valid.toDataFrame();
    Dataset<Row> scored = new AirModel(result.checkpoint()).transform(validDf);
    assertTrue(
        Arrays.asList(scored.columns())
            .containsAll(List.of("target", "prediction", "probability")));
    double accuracy = (double) scored.where("prediction = target").count() / validDf.count();
    assertEquals(1 - (Double) result.metrics().get("valid-binary_error"), accuracy, 1e-12);
  }

  @Test
  void aLightGBMTrainerIsASparkMlEstimatorInAPipelineWhoseModelSavesAndLoads(@TempDir Path dir)
      throws Exception {
    Dataset<Row> validDf = valid.toDataFrame();
    TrainerEstimator estimator = new TrainerEstimator(trainer(2, 20, dir, "pipeline"));
    PipelineModel model =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new PreprocessorEstimator(new StandardScaler("mean radius", "mean texture")),
                  estimator
                })
            .fit(train.toDataFrame());
    assertEquals("lightgbm", estimator.lastResult().checkpoint().getMetadata().framework());
    Dataset<Row> scored = model.transform(validDf);
    double accuracy = (double) scored.where("prediction = target").count() / validDf.count();
    assertTrue(accuracy > 0.92, "held-out accuracy " + accuracy);
    assertEquals(
        scored.schema().simpleString(),
        estimator.transformSchema(validDf.schema()).simpleString(),
        "the estimator announces the columns its model adds");

    String path = dir.resolve("model").toString();
    model.write().overwrite().save(path);
    assertEquals(
        scored.select("prediction", "probability").collectAsList(),
        PipelineModel.load(path)
            .transform(validDf)
            .select("prediction", "probability")
            .collectAsList());
  }

  @Test
  void badInputFailsBeforeTrainingStarts(@TempDir Path dir) {
    Map<String, Object> reserved = params();
    reserved.put("num_iterations", 5);
    IllegalArgumentException rounds =
        assertThrows(
            IllegalArgumentException.class,
            () -> trainer(1, 5, dir, "bad").setParams(reserved).fit());
    assertTrue(rounds.getMessage().contains("num_iterations"), rounds.getMessage());

    Map<String, Object> magic = params();
    magic.put("objective", "binary_magic");
    IllegalArgumentException objective =
        assertThrows(
            IllegalArgumentException.class, () -> trainer(1, 5, dir, "bad").setParams(magic).fit());
    assertTrue(objective.getMessage().contains("binary_magic"), objective.getMessage());

    Map<String, Object> serial = params();
    serial.put("tree_learner", "serial");
    IllegalArgumentException learner =
        assertThrows(
            IllegalArgumentException.class,
            () -> trainer(2, 5, dir, "bad").setParams(serial).fit());
    assertTrue(learner.getMessage().contains("serial"), learner.getMessage());

    try (AirDataset withText =
        air.fromDataFrame(train.toDataFrame().withColumn("note", functions.lit("text")))) {
      IllegalArgumentException text =
          assertThrows(
              IllegalArgumentException.class,
              () -> trainer(1, 5, dir, "bad").setDataset("train", withText).fit());
      assertTrue(
          text.getMessage().contains("'note'") && text.getMessage().contains("LightGBM"),
          text.getMessage());
    }
  }

  /** A dataset's rows as LightGBM input in this JVM, every column but the label a feature. */
  private static final class Rows {
    final float[] values;
    final float[] labels;
    final int n;
    final int width;

    private Rows(FeatureRows rows) {
      this.n = rows.rows();
      this.width = rows.width();
      this.values = Arrays.copyOf(rows.values(), n * width);
      this.labels = Arrays.copyOf(rows.labels(), n);
    }

    static Rows of(AirDataset ds) {
      FeatureRows rows = new FeatureRows();
      List<String> features = new ArrayList<>(List.of(ds.arrowSchema().fieldNames()));
      features.remove("target");
      try (BatchIterator batches = ds.iterBatches(10_000, 0)) {
        while (batches.hasNext()) {
          rows.add(batches.next(), "target", features);
        }
      }
      return new Rows(rows);
    }

    double accuracy(double[] probabilities) {
      int right = 0;
      for (int i = 0; i < n; i++) {
        right += (probabilities[i] > 0.5 ? 1 : 0) == (int) labels[i] ? 1 : 0;
      }
      return (double) right / n;
    }
  }
}
