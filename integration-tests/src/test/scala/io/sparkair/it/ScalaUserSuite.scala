package io.sparkair.it

import io.sparkair.ml.{PreprocessorEstimator, XGBoostEstimator}
import io.sparkair.plugin.{Air, AirPlugin}
import io.sparkair.predict.{BatchPredictor, PredictOptions, XGBoostPredictor}
import io.sparkair.preprocess.{MinMaxScaler, StandardScaler}
import io.sparkair.train.{RunConfig, ScalingConfig}
import io.sparkair.train.xgboost.XGBoostTrainer
import io.sparkair.tune.{Tune, TuneConfig, Tuner}
import io.sparkair.runtime.actor.{ActorDiedException, SpawnOptions}
import java.util.concurrent.CompletionException
import org.apache.spark.ml.{Pipeline, PipelineModel, PipelineStage}
import org.apache.spark.sql.SparkSession
import org.scalatest.BeforeAndAfterAll
import org.scalatest.funsuite.AnyFunSuite
import scala.collection.JavaConverters._

/** A Scala actor, as a Scala Spark user would write one. */
class Accumulator(start: Long) {
  private var total = start
  def add(x: Long): Long = { total += x; total }
  def node: String = io.sparkair.runtime.AirRuntime.current().nodeId()
}

/** The Spark AIR API used from Scala: Scala lambdas as actor calls and factories. */
class ScalaUserSuite extends AnyFunSuite with BeforeAndAfterAll {
  private var spark: SparkSession = _

  override def beforeAll(): Unit = {
    spark = SparkSession.builder()
      .master("local[2]")
      .appName("spark-air-scala-suite")
      .config("spark.plugins", classOf[AirPlugin].getName)
      .config("spark.ui.enabled", "false")
      .getOrCreate()
  }

  override def afterAll(): Unit = spark.stop()

  test("Scala lambdas spawn actors and call them in order") {
    val air = Air.get(spark)
    val acc = air.spawn(() => new Accumulator(10), SpawnOptions.defaults().name("acc"))
    val results = (1 to 100).map(i => acc.call((a: Accumulator) => a.add(i)))
    assert(results.last.join() == 10 + 5050)
    assert(air.runtime().actor[Accumulator]("acc").call((a: Accumulator) => a.add(0)).join()
      == 5060)
  }

  test("an actor group holds Spark slots and gives them back") {
    val air = Air.get(spark)
    val group = air.spawnGroup(2, (rank: Int) => new Accumulator(rank * 100L),
      SpawnOptions.defaults().cpus(1))
    try {
      val totals = group.callAll((a: Accumulator) => a.add(1)).asScala.map(_.join())
      assert(totals == Seq(1L, 101L))
      assert(spark.sparkContext.statusTracker.getActiveJobIds().length == 1)
    } finally {
      group.close()
    }
    eventually(spark.sparkContext.statusTracker.getActiveJobIds().isEmpty)
    assert(spark.range(5).count() == 5)
  }

  test("a killed actor answers with ActorDiedException") {
    val air = Air.get(spark)
    val acc = air.spawn(() => new Accumulator(0), SpawnOptions.defaults())
    acc.kill()
    val e = intercept[CompletionException](acc.call((a: Accumulator) => a.add(1)).join())
    assert(e.getCause.isInstanceOf[ActorDiedException])
  }

  test("a Scala program trains, tunes and batch-predicts as the seed does") {
    val air = Air.get(spark)
    val df = spark.range(0, 20000, 1, 4).selectExpr("rand(1) as a", "rand(2) as b",
      "cast(rand(3) > 0.5 as int) as noise")
      .selectExpr("a", "b", "noise", "cast(a + b > 1 as double) as label")
    val Array(train, valid) = air.fromDataFrame(df).trainTestSplit(0.25)
    val storage = java.nio.file.Files.createTempDirectory("scala-suite").toString

    val trainer = new XGBoostTrainer()
      .setLabelColumn("label")
      .setNumBoostRound(10)
      .setParam("objective", "binary:logistic")
      .setParam("eval_metric", Seq("logloss", "error").asJava)
      .setScalingConfig(ScalingConfig.of(2))
      .setDataset("train", train).setDataset("valid", valid)
      .setPreprocessor(new StandardScaler("a", "b"))
      .setRunConfig(new RunConfig().setStoragePath(storage).setVerbose(0))
    val result = trainer.fit()
    assert(result.metrics.get("valid-error").asInstanceOf[Double] < 0.1)

    val grid = new Tuner(trainer,
      Map("params" -> Map(
        "max_depth" -> Tune.gridSearch(Seq(2, 4).asJava),
        "eta" -> Tune.sampleFrom(spec => {
          val params = spec.get("params").asInstanceOf[java.util.Map[String, Any]]
          Double.box(0.1 * params.get("max_depth").asInstanceOf[Int])
        })).asJava).asJava,
      new TuneConfig().setMetric("valid-logloss", "min"),
      new RunConfig().setName("scala").setStoragePath(storage).setVerbose(0)).fit()
    assert(grid.size == 2 && grid.numErrors == 0)
    val best = grid.getBestResult
    assert(best.config.get("params").asInstanceOf[java.util.Map[String, AnyRef]].get("eta")
      .asInstanceOf[Double] > 0.1)

    val predictions = BatchPredictor.fromCheckpoint(best.result.checkpoint,
      classOf[XGBoostPredictor]).predict(valid, PredictOptions.defaults().keepColumns("label"))
    val accuracy = predictions.toDataFrame().where("prediction = label").count().toDouble /
      valid.count()
    assert(accuracy > 0.9, s"accuracy $accuracy")
    Seq(predictions, train, valid).foreach(_.close())
  }

  test("a Spark ML Pipeline of AIR stages fits, saves, loads and transforms") {
    val df = spark.range(0, 4000, 1, 4).selectExpr("rand(4) as a", "rand(5) as b")
      .selectExpr("a", "b", "cast(a + b > 1 as double) as label")
    val Array(train, test) = df.randomSplit(Array(0.8, 0.2), 11)
    val storage = java.nio.file.Files.createTempDirectory("scala-pipeline")
    val pipeline = new Pipeline().setStages(Array[PipelineStage](
      new PreprocessorEstimator(new MinMaxScaler("a", "b")),
      new XGBoostEstimator().setLabelCol("label").setNumBoostRound(10).setNumWorkers(2)
        .setParam("objective", "binary:logistic")
        .setStoragePath(storage.resolve("runs").toString)))
    val model = pipeline.fit(train)
    val path = storage.resolve("model").toString
    model.write.overwrite().save(path)
    val scored = PipelineModel.load(path).transform(test)
    val accuracy = scored.where("prediction = label").count().toDouble / test.count()
    assert(accuracy > 0.9, s"accuracy $accuracy")
    assert(scored.select("prediction").collect().toSeq ==
      model.transform(test).select("prediction").collect().toSeq)
  }

  private def eventually(condition: => Boolean): Unit = {
    val deadline = System.nanoTime() + 10000000000L
    while (!condition && System.nanoTime() < deadline) Thread.sleep(50)
    assert(condition)
  }
}
