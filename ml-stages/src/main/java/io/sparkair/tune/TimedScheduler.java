package io.sparkair.tune;

import java.util.Map;
import java.util.Objects;

/**
 * A scheduler that judges each report by its time attribute and its metric, turned into a score
 * where higher is better whatever the mode. Reports lacking either continue.
 */
abstract class TimedScheduler implements TrialScheduler {
  private final String timeAttr;
  private String metric;
  private boolean maximize;

  TimedScheduler(String timeAttr) {
    this.timeAttr = Objects.requireNonNull(timeAttr, "timeAttr");
  }

  @Override
  public final void setup(String metric, String mode) {
    this.metric = metric;
    this.maximize = "max".equals(mode);
  }

  @Override
  public final Decision onTrialResult(String trialId, Map<String, Object> metrics) {
    Object t = metrics.get(timeAttr);
    Object v = metrics.get(metric);
    if (!(t instanceof Number) || !(v instanceof Number)) {
      return Decision.CONTINUE;
    }
    double value = ((Number) v).doubleValue();
    return onResult(trialId, ((Number) t).doubleValue(), maximize ? value : -value);
  }

  /** Judges a report at {@code time} whose score (higher is better) is {@code score}. */
  abstract Decision onResult(String trialId, double time, double score);
}
