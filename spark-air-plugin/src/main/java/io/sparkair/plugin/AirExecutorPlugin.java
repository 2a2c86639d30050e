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

import io.sparkair.runtime.AirRuntime;
import io.sparkair.spark.AirSettings;
import io.sparkair.spark.ExecutorCores;
import io.sparkair.spark.ExecutorRuntime;
import java.util.Map;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the actor runtime when an executor starts, registers it with the driver, has its blocks
 * moved when it is told to decommission, and stops it when the executor shuts down. A failure is
 * logged, never thrown: Spark would relaunch an executor whose plugin fails to start, forever.
 */
public final class AirExecutorPlugin implements ExecutorPlugin {
  private static final Logger LOG = LoggerFactory.getLogger(AirExecutorPlugin.class);

  @Override
  public void init(PluginContext ctx, Map<String, String> extraConf) {
    if ("driver".equals(ctx.executorID())) {
      return;
    }
    try {
      AirSettings settings = AirSettings.fromMap(extraConf);
      AirRuntime runtime =
          ExecutorRuntime.ensureStarted(
              settings, ctx.executorID(), ExecutorCores.of(ctx.conf()), false);
      Object answer = ctx.ask(new RegisterNode(runtime.nodeInfo()));
      RuntimeGauges.register(ctx.metricRegistry(), runtime);
      DecommissionSignal.install(ctx);
      LOG.info(
          "Spark AIR runtime of executor {} at {} registered: {}",
          ctx.executorID(),
          runtime.address(),
          answer);
    } catch (Throwable t) {
      LOG.error(
          "Spark AIR runtime did not start on executor {}; actors and blocks will not be "
              + "placed here",
          ctx.executorID(),
          t);
    }
  }

  @Override
  public void shutdown() {
    ExecutorRuntime.stop();
  }
}
