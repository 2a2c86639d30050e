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

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/** Tells the runtime about executors Spark adds and removes, and about the application's end. */
final class AirListener extends SparkListener {
  private final Air air;

  AirListener(Air air) {
    this.air = air;
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    air.executorRemoved(removed.executorId(), removed.reason());
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded added) {
    air.executorAdded(added.executorId(), added.executorInfo().executorHost());
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd end) {
    air.applicationEnded();
  }
}
