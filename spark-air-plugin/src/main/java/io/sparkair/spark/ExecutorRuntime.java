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
import io.sparkair.runtime.Internal;
import org.apache.spark.util.Utils;

/**
 * The runtime of this executor JVM: started once, by the executor plugin or by the attach job,
 * whichever comes first.
 */
@Internal
public final class ExecutorRuntime {
  private static AirRuntime runtime;

  private ExecutorRuntime() {}

  /**
   * Starts this executor's runtime unless it runs already.
   *
   * @param settings the application's settings
   * @param executorId Spark's executor id, which becomes the node id
   * @param cores the executor's cores
   * @param register whether the runtime registers itself with the head (the plugin uses Spark's
   *     plugin channel instead)
   */
  public static synchronized AirRuntime ensureStarted(
      AirSettings settings, String executorId, int cores, boolean register) {
    if (runtime != null) {
      return runtime;
    }
    for (AirRuntime running : AirRuntime.running()) {
      if (running.isHead()) {
        return running;
      }
    }
    runtime =
        AirRuntime.start(
            settings
                .runtimeConfig(executorId, Utils.localHostName(), cores)
                .head(settings.headAddress())
                .registerWithHead(register)
                .classLoader(Thread.currentThread().getContextClassLoader()));
    return runtime;
  }

  /** Stops this executor's runtime, if it runs. */
  public static synchronized void stop() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }
}
