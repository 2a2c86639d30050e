package io.sparkair.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The sidecar's Prometheus metrics: per deployment, requests by outcome, request latency
 * (a histogram), rows per predict call, requests per replica, queue depth and replicas.
 */
final class ServeMetrics {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Counts a request that ended with {@code status} after {@code nanos}. */
  void request(String deployment, int status, long nanos) {
    Counter.builder("air_serve_requests").tag("deployment", deployment)
        .tag("status", Integer.toString(status)).register(registry).increment();
    if (status == 200) {
      Timer.builder("air_serve_request_latency").tag("deployment", deployment)
          .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(10)).register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Records one predict call of {@code rows} rows for {@code requests} requests. */
  void batch(String deployment, String replica, int requests, int rows) {
    DistributionSummary.builder("air_serve_batch_rows").tag("deployment", deployment)
        .register(registry).record(rows);
    Counter.builder("air_serve_replica_requests").tag("deployment", deployment)
        .tag("replica", replica).register(registry).increment(requests);
  }

  /** Publishes a deployment's queue depth and replica count. */
  void watch(Deployment deployment) {
    Gauge.builder("air_serve_queue_depth", deployment, Deployment::queued)
        .tag("deployment", deployment.name()).strongReference(true).register(registry);
    Gauge.builder("air_serve_replicas", deployment, Deployment::replicaCount)
        .tag("deployment", deployment.name()).strongReference(true).register(registry);
  }

  /** Stops publishing a removed deployment's gauges. */
  void unwatch(Deployment deployment) {
    registry.find("air_serve_queue_depth").tag("deployment", deployment.name()).meters()
        .forEach(registry::remove);
    registry.find("air_serve_replicas").tag("deployment", deployment.name()).meters()
        .forEach(registry::remove);
  }
}
