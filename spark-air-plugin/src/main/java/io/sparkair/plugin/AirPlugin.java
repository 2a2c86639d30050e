package io.sparkair.plugin;

import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * The Spark AIR plugin: {@code --conf spark.plugins=io.sparkair.plugin.AirPlugin} starts a
 * long-lived actor runtime on the driver and in every executor.
 */
public final class AirPlugin implements SparkPlugin {
  @Override
  public DriverPlugin driverPlugin() {
    return new AirDriverPlugin();
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new AirExecutorPlugin();
  }
}
