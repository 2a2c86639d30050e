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

import org.apache.spark.SparkConf;
import org.apache.spark.api.plugin.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Moves an executor's AIR blocks to the other executors when the executor is told by signal to
 * decommission ({@code spark.executor.decommission.signal}, SIGPWR by default: what {@code kill
 * -PWR}, Kubernetes' pod deletion and node drains send), before Spark's own decommissioning starts,
 * so that no block has to be recomputed. Spark installs its handler when the executor starts,
 * before its plugins; this one runs first, then hands the signal on.
 */
final class DecommissionSignal {
  private static final Logger LOG = LoggerFactory.getLogger(DecommissionSignal.class);

  private DecommissionSignal() {}

  /** Installs the handler when {@code spark.decommission.enabled} is set. */
  static void install(PluginContext ctx) {
    SparkConf conf = ctx.conf();
    if (!conf.getBoolean("spark.decommission.enabled", false)) {
      return;
    }
    Signal signal = new Signal(conf.get("spark.executor.decommission.signal", "PWR"));
    SignalHandler[] spark = new SignalHandler[1];
    spark[0] =
        Signal.handle(
            signal,
            received -> {
              moveBlocks(ctx);
              handOn(received, spark[0]);
            });
  }

  private static void moveBlocks(PluginContext ctx) {
    long start = System.nanoTime();
    try {
      Object moved = ctx.ask(new ExecutorLeaving(ctx.executorID()));
      LOG.info(
          "executor {} is decommissioning: {} blocks moved to other executors in {} ms",
          ctx.executorID(),
          moved,
          (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      LOG.warn(
          "executor {} is decommissioning and its blocks could not be moved; they will be "
              + "recomputed when read",
          ctx.executorID(),
          e);
    }
  }

  private static void handOn(Signal received, SignalHandler next) {
    if (next == SignalHandler.SIG_DFL || next == SignalHandler.SIG_IGN || next == null) {
      Signal.handle(received, next == null ? SignalHandler.SIG_DFL : next);
      if (next != SignalHandler.SIG_IGN) {
        Signal.raise(received);
      }
    } else {
      next.handle(received);
    }
  }
}
