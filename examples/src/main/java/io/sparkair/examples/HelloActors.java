package io.sparkair.examples;

import io.sparkair.plugin.ActorGroup;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.cluster.NodeInfo;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The smallest Spark AIR program: start Spark with the plugin, start one actor per task slot on
 * the executors, call them, print what they answer.
 *
 * <p>Run: {@code mvn -B -pl examples exec:exec} (embedded {@code local[2]} Spark), or pass a
 * master URL as the first argument.
 */
public final class HelloActors {
  private HelloActors() {}

  /** A worker actor: it remembers its rank and counts its calls. */
  public static final class Greeter {
    private final int rank;
    private int calls;

    public Greeter(int rank) {
      this.rank = rank;
    }

    public String greet(String who) {
      calls++;
      return String.format("rank %d on executor %s (pid %d, call %d): hello, %s",
          rank, AirRuntime.current().nodeId(), ProcessHandle.current().pid(), calls, who);
    }
  }

  public static void main(String[] args) {
    String master = args.length > 0 ? args[0] : "local[2]";
    SparkSession spark = SparkSession.builder()
        .master(master)
        .appName("spark-air-hello")
        .config("spark.plugins", AirPlugin.class.getName())
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      Air air = Air.get(spark);
      List<NodeInfo> nodes = air.awaitNodes(1, Duration.ofSeconds(60));
      System.out.println("Spark AIR runtimes: " + nodes);
      int workers = Math.min(2, air.totalSlots());
      try (ActorGroup<Greeter> group =
          air.spawnGroup(workers, Greeter::new, SpawnOptions.defaults().cpus(1))) {
        for (int round = 0; round < 2; round++) {
          for (int rank = 0; rank < group.size(); rank++) {
            System.out.println(group.get(rank).call(Greeter::greet, "Spark AIR").join());
          }
        }
      }
      System.out.println("Spark still runs jobs once the actors are gone: "
          + spark.range(1000).count() + " rows counted");
    } finally {
      spark.stop();
    }
  }
}
