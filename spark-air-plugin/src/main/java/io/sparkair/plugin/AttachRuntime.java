package io.sparkair.plugin;

import io.sparkair.spark.AirSettings;
import io.sparkair.spark.ExecutorCores;
import io.sparkair.spark.ExecutorRuntime;
import java.io.Serializable;
import org.apache.spark.SparkEnv;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of an attach task: starts the runtime in the executor it runs on, when the plugin
 * was not configured, and registers it with the driver.
 */
final class AttachRuntime extends AbstractFunction1<Iterator<String>, Iterator<String>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AirSettings settings;

  AttachRuntime(AirSettings settings) {
    this.settings = settings;
  }

  @Override
  public Iterator<String> apply(Iterator<String> ignored) {
    String executor = SparkEnv.get().executorId();
    ExecutorRuntime.ensureStarted(settings, executor,
        ExecutorCores.of(SparkEnv.get().conf()), true);
    return scala.collection.Iterator$.MODULE$.single(executor);
  }
}
