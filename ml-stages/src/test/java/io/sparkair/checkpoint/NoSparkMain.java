package io.sparkair.checkpoint;

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
import io.sparkair.predict.ModelInfo;
import io.sparkair.predict.XGBoostPredictor;
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

/**
 * Runs in a JVM whose classpath has no Spark, Scala, Hadoop or Spark AIR plugin classes: fits
 * and applies preprocessors, writes and loads checkpoints, predicts with an XGBoost checkpoint,
 * and prints OK, as the serving sidecar will.
 */
public final class NoSparkMain {
  private NoSparkMain() {}

  /** Trains a tiny booster, saves it as a checkpoint, and predicts through XGBoostPredictor. */
  private static void predictsWithAnXGBoostCheckpoint() throws Exception {
    float[] x = {0, 0, 1, 1, 0, 1, 1, 0, 0.2f, 0.1f, 0.9f, 0.8f};
    float[] y = {0, 1, 1, 0, 0, 1};
    DMatrix matrix = new DMatrix(x, 6, 2, Float.NaN);
    matrix.setLabel(y);
    Booster booster = XGBoost.train(matrix, Map.of("objective", "binary:logistic",
        "max_depth", 2), 3, new HashMap<>(), null, null);
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    booster.saveModel(model, "json");
    Path dir = Files.createTempDirectory("no-spark-xgb");
    Checkpoint.builder(XGBoostPredictor.FRAMEWORK)
        .modelFile(XGBoostPredictor.MODEL_FILE, model.toByteArray())
        .modelFile(ModelInfo.INFO_FILE,
            new ModelInfo("y", List.of("a", "b"), "binary:logistic").toJson())
        .build().toDirectory(dir.resolve("ck").toString());
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = Batches.of(Batches.doubles(allocator, "a", 0.0, 1.0),
            Batches.doubles(allocator, "b", 0.0, 1.0));
        XGBoostPredictor predictor = XGBoostPredictor.fromCheckpoint(
            Checkpoint.fromDirectory(dir.resolve("ck").toString()));
        VectorSchemaRoot out = predictor.predict(batch)) {
      float[][] expected = booster.predict(new DMatrix(new float[] {0, 0, 1, 1}, 2, 2,
          Float.NaN));
      for (int i = 0; i < 2; i++) {
        double p = (Double) ((List<?>) out.getVector("probability").getObject(i)).get(1);
        if (Math.abs(p - expected[i][0]) > 1e-6) {
          throw new AssertionError("row " + i + ": " + p + " != " + expected[i][0]);
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    for (String absent : List.of("org.apache.spark.sql.SparkSession", "scala.Option",
        "org.apache.hadoop.fs.FileSystem", "io.sparkair.data.AirDataset")) {
      try {
        Class.forName(absent);
        throw new AssertionError(absent + " is on the classpath");
      } catch (ClassNotFoundException expected) {
        // the point of this program
      }
    }
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = Batches.of(
            Batches.doubles(allocator, "a", 1.0, 2.0, null, 4.0),
            Batches.doubles(allocator, "b", 5.0, 5.0, 6.0, 7.0),
            Batches.strings(allocator, "c", "x", "y", "x", null))) {
      Preprocessor chain = new Chain(new SimpleImputer("a"), new StandardScaler("a"),
          new MinMaxScaler("b"), new RobustScaler("b"), new OneHotEncoder("c"),
          new Concatenator().setOutputColumn("features"));
      chain.fitBatches(List.of(batch));
      Path dir = Files.createTempDirectory("no-spark");
      Checkpoint.builder("test").preprocessor(chain).metrics(Map.of("m", 1))
          .modelFile("model.bin", new byte[] {1, 2, 3}).build()
          .toDirectory(dir.resolve("ck").toString());
      Checkpoint loaded = Checkpoint.fromDirectory(dir.resolve("ck").toString());
      try (VectorSchemaRoot expected = chain.transformBatch(batch);
          VectorSchemaRoot actual = loaded.getPreprocessor().transformBatch(batch)) {
        if (!expected.contentToTSVString().equals(actual.contentToTSVString())) {
          throw new AssertionError("loaded preprocessor differs:\n" + expected.contentToTSVString()
              + "\n" + actual.contentToTSVString());
        }
        if (!Preprocessors.toJson(chain).equals(Preprocessors.toJson(loaded.getPreprocessor()))) {
          throw new AssertionError("JSON differs");
        }
        System.out.println("rows " + actual.getRowCount() + " columns " + actual.getSchema());
      }
    }
    predictsWithAnXGBoostCheckpoint();
    System.out.println("OK");
  }
}
