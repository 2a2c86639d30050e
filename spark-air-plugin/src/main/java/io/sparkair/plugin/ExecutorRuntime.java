package io.sparkair.plugin;

import io.sparkair.runtime.AirRuntime;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.util.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime of this executor JVM: started once, by the executor plugin or by the attach job,
 * whichever comes first.
 */
final class ExecutorRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorRuntime.class);
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
  static synchronized AirRuntime ensureStarted(AirSettings settings, String executorId,
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
  static synchronized void stop() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  /**
   * The executor's cores: {@code spark.executor.cores} when set, else the {@code --cores}
   * argument Spark passed to the executor backend, else 1.
   */
  static int cores(SparkConf conf) {
    if (conf.contains("spark.executor.cores")) {
      return conf.getInt("spark.executor.cores", 1);
    }
    List<String> args = List.of(System.getProperty("sun.java.command", "").split(" "));
    int i = args.indexOf("--cores");
    if (i >= 0 && i + 1 < args.size()) {
      try {
        return Integer.parseInt(args.get(i + 1));
      } catch (NumberFormatException e) {
        LOG.warn("unreadable --cores argument '{}'; assuming 1 core", args.get(i + 1));
      }
    }
    return 1;
  }
}
