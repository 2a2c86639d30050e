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
