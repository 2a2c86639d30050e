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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.preprocess.Concatenator;
import io.sparkair.preprocess.MinMaxScaler;
import io.sparkair.preprocess.OneHotEncoder;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.PreprocessorNotFittedException;
import io.sparkair.preprocess.RobustScaler;
import io.sparkair.preprocess.StandardScaler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Preprocessors on AIR datasets and as Spark ML stages, on the breast-cancer data. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SparkPreprocessingTest {
  private static final String[] FEATURES = {
    "mean radius", "mean texture", "mean area", "worst smoothness", "fractal dimension error"
  };
  private static SparkSession spark;
  private static Air air;
  private static Dataset<Row> cancer;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("preprocessing-test")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.hadoop.fs.mock.impl", MockSchemeFileSystem.class.getName())
            .getOrCreate();
    air = Air.get(spark);
    String csv = SparkPreprocessingTest.class.getResource("/breast_cancer.csv").getPath();
    cancer =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(csv)
            .withColumn("id", functions.monotonically_increasing_id())
            .withColumn(
                "size",
                functions
                    .when(functions.col("mean radius").gt(15), "large")
                    .otherwise(
                        functions
                            .when(functions.col("mean radius").gt(12), "medium")
                            .otherwise("small")))
            .repartition(4)
            .cache();
    assertEquals(569, cancer.count());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The same rows as one Arrow batch in this JVM. */
  private static VectorSchemaRoot oneBatch(AirDataset ds, RootAllocator allocator) {
    List<VectorSchemaRoot> parts = new ArrayList<>();
    ds.iterBatches(10_000, 0).forEachRemaining(b -> parts.add(copy(b, allocator)));
    assertEquals(1, parts.size(), "569 rows fit one batch of 10,000");
    return parts.get(0);
  }

  private static VectorSchemaRoot copy(VectorSchemaRoot batch, RootAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(batch.getSchema(), allocator);
    for (int c = 0; c < batch.getFieldVectors().size(); c++) {
      batch.getVector(c).makeTransferPair(copy.getVector(c)).copyValueSafe(0, 0);
      for (int i = 0; i < batch.getRowCount(); i++) {
        copy.getVector(c).copyFromSafe(i, i, batch.getVector(c));
      }
    }
    copy.setRowCount(batch.getRowCount());
    return copy;
  }

  @Test
  void fittingAMultiBlockDatasetEqualsFittingItsRowsInOneBatch() {
    try (AirDataset ds = air.fromDataFrame(cancer);
        RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot all = oneBatch(ds, allocator)) {
      assertTrue(ds.blocks().size() >= 4, "several blocks: " + ds.blocks().size());
      List<java.util.function.Supplier<Preprocessor>> kinds =
          List.of(
              () -> new StandardScaler(FEATURES), () -> new MinMaxScaler(FEATURES),
              () -> new RobustScaler(FEATURES), () -> new OneHotEncoder("size", "target"));
      for (java.util.function.Supplier<Preprocessor> make : kinds) {
        Map<String, Object> distributed = make.get().fit(ds).stats();
        Map<String, Object> local = make.get().fitBatches(List.of(all)).stats();
        assertEquals(local.keySet(), distributed.keySet());
        local.forEach(
            (key, value) -> {
              if (value instanceof Double) {
                assertEquals((Double) value, (Double) distributed.get(key), 1e-9, key);
              } else {
                assertEquals(value, distributed.get(key), key);
              }
            });
      }
    }
  }

  @Test
  void transformingADatasetEqualsTransformingItsRowsInOneBatch() {
    Preprocessor scaler = new StandardScaler(FEATURES);
    try (AirDataset ds = air.fromDataFrame(cancer);
        AirDataset scaled = scaler.fitTransform(ds);
        RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot all = oneBatch(ds, allocator);
        VectorSchemaRoot expected = scaler.transformBatch(all)) {
      assertEquals(ds.count(), scaled.count());
      assertEquals(ds.schema().fieldNames().length, scaled.schema().fieldNames().length);
      Map<Long, Double> byId = new java.util.HashMap<>();
      for (int i = 0; i < expected.getRowCount(); i++) {
        byId.put(
            (Long) expected.getVector("id").getObject(i),
            (Double) expected.getVector("mean area").getObject(i));
      }
      List<Row> rows = scaled.toDataFrame().select("id", "mean area").collectAsList();
      assertEquals(569, rows.size());
      for (Row row : rows) {
        assertEquals(byId.get(row.getLong(0)), row.getDouble(1), 0.0, "row " + row.getLong(0));
      }
      assertThrows(
          PreprocessorNotFittedException.class, () -> new MinMaxScaler(FEATURES).transform(ds));
      IllegalArgumentException missing =
          assertThrows(
              IllegalArgumentException.class, () -> new StandardScaler("no such column").fit(ds));
      assertTrue(missing.getMessage().contains("'no such column'"), missing.getMessage());
    }
  }

  @Test
  void scalersAgreeWithSparkMllibOnTheBreastCancerData() {
    Dataset<Row> assembled =
        new VectorAssembler().setInputCols(FEATURES).setOutputCol("features").transform(cancer);
    org.apache.spark.ml.feature.StandardScalerModel mllibStd =
        new org.apache.spark.ml.feature.StandardScaler()
            .setInputCol("features")
            .setOutputCol("scaled")
            .setWithMean(true)
            .setWithStd(true)
            .fit(assembled);
    org.apache.spark.ml.feature.MinMaxScalerModel mllibMinMax =
        new org.apache.spark.ml.feature.MinMaxScaler()
            .setInputCol("features")
            .setOutputCol("scaled")
            .fit(assembled);
    Map<Long, double[]> mllibStandard = byId(mllibStd.transform(assembled));
    Map<Long, double[]> mllibRange = byId(mllibMinMax.transform(assembled));

    double n = 569;
    double sampleToPopulation = Math.sqrt((n - 1) / n);
    PreprocessorModel ours = new PreprocessorEstimator(new StandardScaler(FEATURES)).fit(cancer);
    PreprocessorModel oursRange = new PreprocessorEstimator(new MinMaxScaler(FEATURES)).fit(cancer);
    for (Row row : ours.transform(cancer).collectAsList()) {
      double[] expected = mllibStandard.get(row.<Long>getAs("id"));
      for (int f = 0; f < FEATURES.length; f++) {
        assertEquals(
            expected[f], row.<Double>getAs(FEATURES[f]) * sampleToPopulation, 1e-9, FEATURES[f]);
      }
    }
    for (Row row : oursRange.transform(cancer).collectAsList()) {
      double[] expected = mllibRange.get(row.<Long>getAs("id"));
      for (int f = 0; f < FEATURES.length; f++) {
        assertEquals(expected[f], row.<Double>getAs(FEATURES[f]), 1e-9, FEATURES[f]);
      }
    }
  }

  private static Map<Long, double[]> byId(Dataset<Row> df) {
    Map<Long, double[]> out = new java.util.HashMap<>();
    for (Row row : df.select("id", "scaled").collectAsList()) {
      out.put(row.getLong(0), ((Vector) row.get(1)).toArray());
    }
    return out;
  }

  @Test
  void preprocessorsSitInASparkMlPipelineThatSavesAndLoads(@TempDir Path dir) throws Exception {
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new PreprocessorEstimator(new StandardScaler(FEATURES)),
                  new PreprocessorEstimator(new OneHotEncoder("size")),
                  new PreprocessorModel(
                      new Concatenator()
                          .setExclude(
                              "id", "target", "size", "size_large", "size_medium", "size_small")
                          .setOutputColumn("features"))
                });
    PipelineModel model = pipeline.fit(cancer);
    Dataset<Row> out = model.transform(cancer);
    List<String> columns = Arrays.asList(out.columns());
    assertTrue(
        columns.containsAll(
            List.of("id", "target", "size_large", "size_medium", "size_small", "features")),
        columns.toString());
    assertEquals(569, out.count());

    String path = dir.resolve("pipeline").toString();
    model.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    assertEquals(sorted(out), sorted(loaded.transform(cancer)));

    String unfittedPath = dir.resolve("unfitted").toString();
    pipeline.write().overwrite().save(unfittedPath);
    PipelineModel refit = Pipeline.load(unfittedPath).fit(cancer);
    assertEquals(sorted(out), sorted(refit.transform(cancer)));
  }

  @Test
  void checkpointsTravelThroughHadoopFileSystems(@TempDir Path dir) throws Exception {
    Preprocessor scaler =
        new PreprocessorEstimator(new StandardScaler(FEATURES)).fit(cancer).preprocessor();
    Checkpoint checkpoint =
        Checkpoint.builder("test")
            .preprocessor(scaler)
            .modelFile("model.bin", new byte[] {4, 2})
            .metrics(Map.of("loss", 0.5))
            .build();
    String uri = "mock://" + dir.resolve("remote").resolve("ck").toAbsolutePath();
    checkpoint.toDirectory(uri);
    assertTrue(
        java.nio.file.Files.isRegularFile(
            dir.resolve("remote").resolve("ck").resolve(Checkpoint.METADATA)));
    Checkpoint back = Checkpoint.fromDirectory(uri);
    assertEquals(scaler.stats(), back.getPreprocessor().stats());
    assertEquals(0.5, back.getMetadata().metrics().get("loss"));
    assertTrue(
        back.path().toString().startsWith(System.getProperty("java.io.tmpdir")),
        "a remote checkpoint is read through a local copy: " + back.path());

    Checkpoint.builder("test").modelFile("model.bin", new byte[] {7}).build().toDirectory(uri);
    assertEquals(null, Checkpoint.fromDirectory(uri).getPreprocessor(), "replaced");
    try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(dir.resolve("remote"))) {
      assertEquals(
          List.of("ck"),
          left.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toList()),
          "no temporary copy is left");
    }
    assertThrows(
        io.sparkair.checkpoint.InvalidCheckpointException.class,
        () -> Checkpoint.fromDirectory("mock://" + dir.resolve("nothing-here").toAbsolutePath()));
  }

  private static List<String> sorted(Dataset<Row> df) {
    List<String> rows = new ArrayList<>();
    for (Row row : df.orderBy("id").collectAsList()) {
      rows.add(row.toString());
    }
    return rows;
  }
}
