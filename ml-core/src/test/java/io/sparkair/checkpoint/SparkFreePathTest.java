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
package io.sparkair.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.predict.ModelInfo;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.Batches;
import io.sparkair.preprocess.Chain;
import io.sparkair.preprocess.Concatenator;
import io.sparkair.preprocess.MinMaxScaler;
import io.sparkair.preprocess.OneHotEncoder;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.preprocess.RobustScaler;
import io.sparkair.preprocess.SimpleImputer;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.runtime.batch.LocalDataset;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The whole path the serving sidecar takes, on this module's classpath, where the build lets no
 * Spark, Scala, Hadoop or Spark AIR plugin class in: fit and apply preprocessors, write and load
 * checkpoints, predict with an XGBoost checkpoint.
 */
class SparkFreePathTest {

  @Test
  void noSparkScalaOrHadoopClassIsOnTheClasspath() {
    for (String absent :
        List.of(
            "org.apache.spark.sql.SparkSession",
            "scala.Option",
            "org.apache.hadoop.fs.FileSystem",
            "io.sparkair.data.AirDataset")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
    }
  }

  /** Trains a tiny booster, saves it as a checkpoint, and predicts through XGBoostPredictor. */
  @Test
  void predictsWithAnXGBoostCheckpoint() throws Exception {
    float[] x = {0, 0, 1, 1, 0, 1, 1, 0, 0.2f, 0.1f, 0.9f, 0.8f};
    float[] y = {0, 1, 1, 0, 0, 1};
    DMatrix matrix = new DMatrix(x, 6, 2, Float.NaN);
    matrix.setLabel(y);
    Booster booster =
        XGBoost.train(
            matrix,
            Map.of("objective", "binary:logistic", "max_depth", 2),
            3,
            new HashMap<>(),
            null,
            null);
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    booster.saveModel(model, "json");
    Path dir = Files.createTempDirectory("no-spark-xgb");
    Checkpoint.builder(XGBoostPredictor.FRAMEWORK)
        .modelFile(XGBoostPredictor.MODEL_FILE, model.toByteArray())
        .modelFile(
            ModelInfo.INFO_FILE, new ModelInfo("y", List.of("a", "b"), "binary:logistic").toJson())
        .build()
        .toDirectory(dir.resolve("ck").toString());
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch =
            Batches.of(
                Batches.doubles(allocator, "a", 0.0, 1.0),
                Batches.doubles(allocator, "b", 0.0, 1.0));
        XGBoostPredictor predictor =
            XGBoostPredictor.fromCheckpoint(
                Checkpoint.fromDirectory(dir.resolve("ck").toString()));
        VectorSchemaRoot out = predictor.predict(batch)) {
      float[][] expected = booster.predict(new DMatrix(new float[] {0, 0, 1, 1}, 2, 2, Float.NaN));
      for (int i = 0; i < 2; i++) {
        double p = (Double) ((List<?>) out.getVector("probability").getObject(i)).get(1);
        assertEquals(expected[i][0], p, 1e-6, "row " + i);
      }
    }
  }

  @Test
  void aFittedChainTravelsInACheckpoint() throws Exception {
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = mixed(allocator)) {
      Preprocessor chain = chain();
      chain.fitBatches(List.of(batch));
      Path dir = Files.createTempDirectory("no-spark");
      Checkpoint.builder("test")
          .preprocessor(chain)
          .metrics(Map.of("m", 1))
          .modelFile("model.bin", new byte[] {1, 2, 3})
          .build()
          .toDirectory(dir.resolve("ck").toString());
      Checkpoint loaded = Checkpoint.fromDirectory(dir.resolve("ck").toString());
      try (VectorSchemaRoot expected = chain.transformBatch(batch);
          VectorSchemaRoot actual = loaded.getPreprocessor().transformBatch(batch)) {
        assertEquals(expected.contentToTSVString(), actual.contentToTSVString());
        assertEquals(Preprocessors.toJson(chain), Preprocessors.toJson(loaded.getPreprocessor()));
      }
    }
  }

  /**
   * Through the dataset interface, a chain fits and transforms a {@link LocalDataset} exactly as it
   * fits batches, also when the dataset is re-cut into batches of another size.
   */
  @Test
  void aChainFitsAndTransformsALocalDataset() {
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = mixed(allocator)) {
      Preprocessor onBatches = chain().fitBatches(List.of(batch));
      try (LocalDataset ds = LocalDataset.of(List.of(mixed(allocator)));
          LocalDataset transformed = chain().fitTransform(ds);
          LocalDataset cut = ds.mapBatches((b, a) -> b, 3, ds.batchSchema());
          LocalDataset again = chain().fitTransform(cut);
          VectorSchemaRoot expected = onBatches.transformBatch(batch)) {
        assertEquals(1, transformed.batches().size());
        assertEquals(
            expected.contentToTSVString(), transformed.batches().get(0).contentToTSVString());
        assertEquals(2, again.batches().size(), "4 rows in batches of at most 3");
        assertEquals(4, again.count());
        assertEquals(Preprocessors.toJson(onBatches), Preprocessors.toJson(chain().fit(cut)));
      }
    }
  }

  @Test
  void aLocalDatasetRefusesBadInput() {
    assertThrows(IllegalArgumentException.class, () -> LocalDataset.of(List.of()));
    try (RootAllocator allocator = new RootAllocator();
        LocalDataset ds =
            LocalDataset.of(List.of(Batches.of(Batches.doubles(allocator, "a", 1.0))))) {
      assertThrows(
          IllegalArgumentException.class, () -> ds.mapBatches((b, a) -> b, 0, ds.batchSchema()));
      IllegalArgumentException wrong =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  ds.mapBatches(
                      (b, a) -> b, 10, new org.apache.arrow.vector.types.pojo.Schema(List.of())));
      assertTrue(wrong.getMessage().contains("declared"), wrong.getMessage());
      IllegalStateException failed =
          assertThrows(
              IllegalStateException.class,
              () ->
                  ds.mapBatches(
                      (b, a) -> {
                        throw new java.io.IOException("disk full");
                      },
                      10,
                      ds.batchSchema()));
      assertTrue(failed.getMessage().contains("disk full"), failed.getMessage());
      ds.close();
      assertThrows(IllegalStateException.class, ds::count);
    }
  }

  private static VectorSchemaRoot mixed(RootAllocator allocator) {
    return Batches.of(
        Batches.doubles(allocator, "a", 1.0, 2.0, null, 4.0),
        Batches.doubles(allocator, "b", 5.0, 5.0, 6.0, 7.0),
        Batches.strings(allocator, "c", "x", "y", "x", null));
  }

  private static Preprocessor chain() {
    return new Chain(
        new SimpleImputer("a"),
        new StandardScaler("a"),
        new MinMaxScaler("b"),
        new RobustScaler("b"),
        new OneHotEncoder("c"),
        new Concatenator().setOutputColumn("features"));
  }
}
