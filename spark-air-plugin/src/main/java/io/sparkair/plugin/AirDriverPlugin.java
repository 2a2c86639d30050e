package io.sparkair.plugin;

import io.sparkair.data.BlockMigration;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.PluginContext;

/**
 * Starts the head runtime on the driver, hands executors the application's settings,
 * registers executors' runtimes as they report in, and moves the blocks of executors that
 * announce their decommission.
 */
public final class AirDriverPlugin implements DriverPlugin {
  private Air air;

  @Override
  public Map<String, String> init(SparkContext sc, PluginContext ctx) {
    air = Air.start(sc);
    return air.settings().toMap();
  }

  @Override
  public void registerMetrics(String appId, PluginContext ctx) {
    RuntimeGauges.register(ctx.metricRegistry(), air.runtime());
  }

  @Override
  public Object receive(Object message) {
    if (message instanceof RegisterNode register) {
      air.runtime().register(register.node());
      return "registered";
    }
    if (message instanceof ExecutorLeaving leaving) {
      return BlockMigration.moveOff(air, leaving.executorId());
    }
    throw new IllegalArgumentException("Spark AIR driver plugin: unknown message " + message);
  }

  @Override
  public void shutdown() {
    if (air != null) {
      air.stop();
    }
  }
}
