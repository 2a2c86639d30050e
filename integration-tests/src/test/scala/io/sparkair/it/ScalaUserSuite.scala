package io.sparkair.it

import io.sparkair.plugin.{Air, AirPlugin}
import io.sparkair.runtime.actor.{ActorDiedException, SpawnOptions}
import java.util.concurrent.CompletionException
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

  private def eventually(condition: => Boolean): Unit = {
    val deadline = System.nanoTime() + 10000000000L
    while (!condition && System.nanoTime() < deadline) Thread.sleep(50)
    assert(condition)
  }
}
