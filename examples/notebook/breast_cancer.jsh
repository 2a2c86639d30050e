// The breast-cancer walkthrough as notebook cells, for jshell (the JDK's REPL) against a
// SparkSession that already runs without spark.plugins, as in a notebook. Each cell can be run
// again. Run it whole with examples/notebook/jshell.sh (after mvn -B -DskipTests install), which
// gives jshell the examples' classpath and Spark's JDK 17 flags; /exit leaves. jshell ends a
// statement at the end of any line where it is complete, so chained calls break after the dot.

// %% cell 1: imports
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

// %% cell 2: the notebook's session, started without spark.plugins
SparkSession spark = SparkSession.builder().master("local[2]").appName("notebook").
    config("spark.ui.enabled", "false").getOrCreate();

// %% cell 3: Spark AIR attaches to the running session
Air air = Air.get(spark);

// %% cell 4: data
String csv = java.nio.file.Files.createTempFile("breast_cancer", ".csv").toString();
try (var in = Air.class.getClassLoader().getResourceAsStream("breast_cancer.csv")) {
  java.nio.file.Files.copy(in, java.nio.file.Path.of(csv),
      java.nio.file.StandardCopyOption.REPLACE_EXISTING);
}
AirDataset dataset = air.readCsv(csv, Map.of("header", "true", "inferSchema", "true"));
AirDataset[] split = dataset.trainTestSplit(0.2, 42);

// %% cell 5: train
Result result = new XGBoostTrainer().
    setScalingConfig(ScalingConfig.of(2)).
    setLabelColumn("target").
    setNumBoostRound(20).
    setParams(Map.of("objective", "binary:logistic", "eval_metric", List.of("logloss", "error"),
        "seed", 7)).
    setDataset("train", split[0]).setDataset("valid", split[1]).
    setPreprocessor(new StandardScaler("mean radius", "mean texture")).
    setRunConfig(new RunConfig().setStoragePath(
        java.nio.file.Files.createTempDirectory("notebook").toString()).setVerbose(0)).
    fit();
double accuracy = 1 - (Double) result.metrics().get("valid-error");
System.out.println("held-out accuracy " + accuracy);

// %% cell 6: batch prediction
AirDataset predictions = BatchPredictor.fromCheckpoint(result.checkpoint(),
    XGBoostPredictor.class).predict(split[1].dropColumns("target"));
predictions.show(3);
long predicted = predictions.count();

// %% cell 7: free the datasets (the session stays)
List.of(predictions, split[0], split[1], dataset).forEach(AirDataset::close);
