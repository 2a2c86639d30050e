// The breast-cancer walkthrough as notebook cells, for jshell (the JDK's REPL) against a
// SparkSession that already runs without spark.plugins, as in a notebook. Each cell can be run
// again. Run it whole with examples/notebook/jshell.sh (after mvn -B -DskipTests install), which
// gives jshell the examples' classpath and Spark's JDK 17 flags; /exit leaves. jshell ends a
// statement at the end of any line where it is complete, so chained calls break after the dot.

// %% cell 1: imports
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.predict.BatchPredictor;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.preprocess.StandardScaler;
import io.sparkair.serve.HttpAdapters;
import io.sparkair.serve.PredictorDeployment;
import io.sparkair.train.Result;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import io.sparkair.train.xgboost.XGBoostTrainer;
import io.sparkair.tune.ResultGrid;
import io.sparkair.tune.Tune;
import io.sparkair.tune.TuneConfig;
import io.sparkair.tune.Tuner;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

// POSTs JSON and returns the answer. HttpURLConnection with Connection: close starts no thread:
// a thread a cell starts at once (java.net.http's selector) can keep jshell's cell waiting.
String post(String url, String json) throws java.io.IOException {
  HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
  connection.setRequestMethod("POST");
  connection.setRequestProperty("Content-Type", "application/json");
  connection.setRequestProperty("Connection", "close");
  connection.setDoOutput(true);
  connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
  try (var in = connection.getInputStream()) {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}

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
AirDataset test = split[1].dropColumns("target");
String results = java.nio.file.Files.createTempDirectory("notebook").toString();

// %% cell 5: train
XGBoostTrainer trainer = new XGBoostTrainer().
    setScalingConfig(ScalingConfig.of(2)).
    setLabelColumn("target").
    setNumBoostRound(20).
    setParams(Map.of("objective", "binary:logistic", "eval_metric", List.of("logloss", "error"),
        "seed", 7)).
    setDataset("train", split[0]).setDataset("valid", split[1]).
    setPreprocessor(new StandardScaler("mean radius", "mean texture")).
    setRunConfig(new RunConfig().setStoragePath(results).setVerbose(0));
Result result = trainer.fit();
double accuracy = 1 - (Double) result.metrics().get("valid-error");
System.out.println("held-out accuracy " + accuracy);

// %% cell 6: tune max_depth
ResultGrid grid = new Tuner(trainer, Map.of("params", Map.of("max_depth", Tune.randint(1, 9))),
    new TuneConfig().setNumSamples(2).setMetric("train-logloss", "min"),
    new RunConfig().setStoragePath(results).setVerbose(1)).fit();
Object bestConfig = grid.getBestResult().config();
Checkpoint checkpoint = grid.getBestResult().result().checkpoint();

// %% cell 7: batch prediction with the best checkpoint
AirDataset predictions = BatchPredictor.fromCheckpoint(checkpoint, XGBoostPredictor.class).
    predict(test);
predictions.show(3);
long predicted = predictions.count();

// %% cell 8: serve it and ask for one row (a re-run hot-swaps the same deployment)
String url = PredictorDeployment.options().name("XGBoostService").
    deploy(XGBoostPredictor.class, checkpoint, HttpAdapters.records());
String row = "[" + test.toDataFrame().limit(1).toJSON().first() + "]";
String answer = post(url, row);
System.out.println(url + " answered " + answer);

// %% cell 9: free the datasets (the session and the sidecar stay; the sidecar stops with the JVM)
List.of(predictions, test, split[0], split[1], dataset).forEach(AirDataset::close);
