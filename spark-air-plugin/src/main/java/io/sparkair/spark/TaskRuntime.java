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
package io.sparkair.spark;

import io.sparkair.runtime.AirRuntime;
import org.apache.spark.SparkEnv;

/** The runtime of the JVM a Spark task runs in, started there first if need be. */
public final class TaskRuntime {
  private TaskRuntime() {}

  /**
   * The runtime of this executor (or of the driver, in local mode).
   *
   * @param settings the application's settings, carried by the task
   */
  public static AirRuntime get(AirSettings settings) {
    SparkEnv env = SparkEnv.get();
    return ExecutorRuntime.ensureStarted(
        settings, env.executorId(), ExecutorCores.of(env.conf()), true);
  }
}
