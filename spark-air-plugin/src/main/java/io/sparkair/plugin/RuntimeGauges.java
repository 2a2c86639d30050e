package io.sparkair.plugin;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.sparkair.runtime.AirRuntime;

/** Registers a runtime's gauges in Spark's metrics system. */
final class RuntimeGauges {
  private RuntimeGauges() {}

  static void register(MetricRegistry registry, AirRuntime runtime) {
    registry.register("actors", (Gauge<Integer>) () -> runtime.stats().actors());
    registry.register("blocks", (Gauge<Integer>) () -> runtime.stats().store().blocks());
    registry.register("bytesInMemory",
        (Gauge<Long>) () -> runtime.stats().store().bytesInMemory());
    registry.register("bytesSpilled", (Gauge<Long>) () -> runtime.stats().store().bytesSpilled());
  }
}
