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
   * @param register whether the runtime registers itself with the head (the plugin uses
   *     Spark's plugin channel instead)
   */
  public static synchronized AirRuntime ensureStarted(AirSettings settings, String executorId,
      int cores, boolean register) {
    if (runtime != null) {
      return runtime;
    }
    for (AirRuntime running : AirRuntime.running()) {
      if (running.isHead()) {
        return running;
      }
    }
    runtime = AirRuntime.start(settings.runtimeConfig(executorId, Utils.localHostName(), cores)
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
