/*
 * Copyright 2026 The Spark AIR Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.sparkair.plugin;

import io.sparkair.data.BlockMigration;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.PluginContext;

/**
 * Starts the head runtime on the driver, hands executors the application's settings, registers
 * executors' runtimes as they report in, and moves the blocks of executors that announce their
 * decommission.
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
