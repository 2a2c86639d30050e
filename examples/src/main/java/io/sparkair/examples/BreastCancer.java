package io.sparkair.examples;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The seed's Ray AIR walkthrough on the breast-cancer data, line for line where Java allows:
 * load the CSV as a distributed dataset, split it, scale two columns, train XGBoost on two
 * workers, keep the checkpoint, and score the held-out rows with a batch predictor.
 *
 * <p>Run: {@code mvn -B -pl examples exec:exec} (embedded {@code local[2]} Spark), or pass a
 * master URL as the first argument.
 */
public final class BreastCancer {
  private BreastCancer() {}

  public static void main(String[] args) throws IOException {
    String master = args.length > 0 ? args[0] : "local[2]";
    SparkSession spark = SparkSession.builder().master(master).appName("breast-cancer")
        .config("spark.plugins", AirPlugin.class.getName())
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      Air air = Air.get(spark);

      // dataset = ray.data.read_csv(".../breast_cancer.csv")
      AirDataset dataset = air.readCsv(csv().toString(),
          Map.of("header", "true", "inferSchema", "true"));
      // train_dataset, valid_dataset = dataset.train_test_split(test_size=0.3)
      AirDataset[] split = dataset.trainTestSplit(0.3);
      AirDataset trainDataset = split[0];
      AirDataset validDataset = split[1];
      // test_dataset = valid_dataset.drop_columns(["target"])
      AirDataset testDataset = validDataset.dropColumns("target");

      // preprocessor = StandardScaler(columns=["mean radius", "mean texture"])
      StandardScaler preprocessor = new StandardScaler("mean radius", "mean texture");

      // trainer = XGBoostTrainer(scaling_config=..., label_column="target", ...)
      XGBoostTrainer trainer = new XGBoostTrainer()
          .setScalingConfig(ScalingConfig.of(2).useGpu(false))
          .setLabelColumn("target")
          .setNumBoostRound(20)
          .setParams(Map.of("objective", "binary:logistic",
              "eval_metric", List.of("logloss", "error")))
          .setDataset("train", trainDataset)
          .setDataset("valid", validDataset)
          .setPreprocessor(preprocessor)
          .setRunConfig(new RunConfig().setName("breast_cancer").setStoragePath(
              Files.createTempDirectory("spark-air-results").toString()));
      Result result = trainer.fit();
      System.out.println(result.metrics());

      // batch_predictor = BatchPredictor.from_checkpoint(result.checkpoint, XGBoostPredictor)
      Checkpoint checkpoint = result.checkpoint();
      BatchPredictor batchPredictor = BatchPredictor.fromCheckpoint(checkpoint,
          XGBoostPredictor.class);
      // predicted_probabilities = batch_predictor.predict(test_dataset)
      AirDataset predictedProbabilities = batchPredictor.predict(testDataset);
      // predicted_probabilities.show()
      predictedProbabilities.show(10);

      double accuracy = 1 - (Double) result.metrics().get("valid-error");
      System.out.printf("held-out accuracy %.3f; checkpoint %s%n", accuracy, checkpoint.path());
      if (accuracy < 0.9) {
        throw new IllegalStateException("the model learnt too little: accuracy " + accuracy);
      }
      List.of(predictedProbabilities, testDataset, trainDataset, validDataset, dataset)
          .forEach(AirDataset::close);
    } finally {
      spark.stop();
    }
  }

  /** The breast-cancer CSV shipped in this module's resources, as a file Spark can read. */
  private static Path csv() throws IOException {
    Path file = Files.createTempFile("breast_cancer", ".csv");
    try (InputStream in = BreastCancer.class.getResourceAsStream("/breast_cancer.csv")) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    file.toFile().deleteOnExit();
    return file;
  }
}
