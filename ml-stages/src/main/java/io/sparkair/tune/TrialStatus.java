package io.sparkair.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the progress table and report show of one trial, updated as it reports. */
final class TrialStatus {
  final String trialId;
  final Map<String, Object> config;
  volatile long started = System.nanoTime();
  final List<double[]> curve = new ArrayList<>();
  volatile String state = "PENDING";
  volatile long ended;
  volatile Map<String, Object> latest = Map.of();

  TrialStatus(String trialId, Map<String, Object> config) {
    this.trialId = trialId;
    this.config = config;
  }

  synchronized void report(Map<String, Object> metrics, String metric) {
    latest = metrics;
    state = "RUNNING";
    Object t = metrics.get("training_iteration");
    Object v = metrics.get(metric);
    if (t instanceof Number && v instanceof Number) {
      curve.add(new double[] {((Number) t).doubleValue(), ((Number) v).doubleValue()});
    }
  }

  /** The trial starts running now. */
  void start() {
    started = System.nanoTime();
    state = "RUNNING";
  }

  /** The trial ended as {@code finalState} after reporting {@code history}. */
  void end(List<Map<String, Object>> history, String finalState, String metric) {
    synchronized (this) {
      curve.clear();
      history.forEach(m -> report(m, metric));
    }
    ended = System.nanoTime();
    state = finalState;
  }

  /** Seconds the trial has run, or ran. */
  double seconds() {
    long end = ended != 0 ? ended : System.nanoTime();
    return (end - started) / 1e9;
  }

  synchronized List<double[]> curve() {
    return new ArrayList<>(curve);
  }
}
