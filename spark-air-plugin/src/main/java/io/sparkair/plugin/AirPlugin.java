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
