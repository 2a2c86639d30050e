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
    return ExecutorRuntime.ensureStarted(settings, env.executorId(),
        ExecutorCores.of(env.conf()), true);
  }
}
