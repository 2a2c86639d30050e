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
package io.sparkair.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The sidecar's Prometheus metrics: per deployment, requests by outcome, request latency (a
 * histogram), rows per predict call, requests per replica, queue depth and replicas.
 */
final class ServeMetrics {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Meters> byDeployment = new ConcurrentHashMap<>();

  /** Counts a request that ended with {@code status} after {@code nanos}. */
  void request(String deployment, int status, long nanos) {
    Meters m = meters(deployment);
    m.requests
        .computeIfAbsent(
            status,
            code ->
                Counter.builder("air_serve_requests")
                    .tag("deployment", deployment)
                    .tag("status", Integer.toString(code))
                    .register(registry))
        .increment();
    if (status == 200) {
      m.latency.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Records one predict call of {@code rows} rows for {@code requests} requests. */
  void batch(String deployment, String replica, int requests, int rows) {
    Meters m = meters(deployment);
    m.batchRows.record(rows);
    m.perReplica
        .computeIfAbsent(
            replica,
            r ->
                Counter.builder("air_serve_replica_requests")
                    .tag("deployment", deployment)
                    .tag("replica", r)
                    .register(registry))
        .increment(requests);
  }

  /** A deployment's meters, registered once: looking meters up per request costs. */
  private static final class Meters {
    final Map<Integer, Counter> requests = new ConcurrentHashMap<>();
    final Map<String, Counter> perReplica = new ConcurrentHashMap<>();
    final Timer latency;
    final DistributionSummary batchRows;

    Meters(String deployment, PrometheusMeterRegistry registry) {
      latency =
          Timer.builder("air_serve_request_latency")
              .tag("deployment", deployment)
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofSeconds(10))
              .register(registry);
      batchRows =
          DistributionSummary.builder("air_serve_batch_rows")
              .tag("deployment", deployment)
              .register(registry);
    }
  }

  private Meters meters(String deployment) {
    return byDeployment.computeIfAbsent(deployment, d -> new Meters(d, registry));
  }

  /** Publishes a deployment's queue depth and replica count. */
  void watch(Deployment deployment) {
    Gauge.builder("air_serve_queue_depth", deployment, Deployment::queued)
        .tag("deployment", deployment.name())
        .strongReference(true)
        .register(registry);
    Gauge.builder("air_serve_replicas", deployment, Deployment::replicaCount)
        .tag("deployment", deployment.name())
        .strongReference(true)
        .register(registry);
  }

  /** Stops publishing a removed deployment's gauges. */
  void unwatch(Deployment deployment) {
    registry
        .find("air_serve_queue_depth")
        .tag("deployment", deployment.name())
        .meters()
        .forEach(registry::remove);
    registry
        .find("air_serve_replicas")
        .tag("deployment", deployment.name())
        .meters()
        .forEach(registry::remove);
  }
}
