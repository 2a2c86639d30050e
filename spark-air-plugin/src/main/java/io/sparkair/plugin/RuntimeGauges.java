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

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.sparkair.runtime.AirRuntime;

/** Registers a runtime's gauges in Spark's metrics system. */
final class RuntimeGauges {
  private RuntimeGauges() {}

  static void register(MetricRegistry registry, AirRuntime runtime) {
    registry.register("actors", (Gauge<Integer>) () -> runtime.stats().actors());
    registry.register("blocks", (Gauge<Integer>) () -> runtime.stats().store().blocks());
    registry.register("bytesInMemory", (Gauge<Long>) () -> runtime.stats().store().bytesInMemory());
    registry.register("bytesSpilled", (Gauge<Long>) () -> runtime.stats().store().bytesSpilled());
  }
}
