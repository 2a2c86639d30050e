package io.sparkair.plugin;

import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * The Spark AIR plugin: {@code --conf spark.plugins=io.sparkair.plugin.AirPlugin} starts a
 * long-lived actor runtime on the driver and in every executor.
 *
 * <p>The plugin starts only on the Spark line its jar was built for; on another it fails at once,
 * naming both versions and the runtime jar to use ({@link SparkLine}).
 */
public final class AirPlugin implements SparkPlugin {
  @Override
  public DriverPlugin driverPlugin() {
    SparkLine.built().requireRunning();
    return new AirDriverPlugin();
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    SparkLine.built().requireRunning();
    return new AirExecutorPlugin();
  }
}
