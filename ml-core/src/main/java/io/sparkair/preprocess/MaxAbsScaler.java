package io.sparkair.preprocess;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scales columns to [-1, 1] by the largest absolute value of the fitted data:
 * {@code x / abs_max}. Statistic {@code abs_max(C)}; an all-zero column is left as it is.
 */
public final class MaxAbsScaler extends MomentScaler {
  private static final long serialVersionUID = 1L;

  MaxAbsScaler() {}

  /** A scaler of the named numeric columns. */
  public MaxAbsScaler(List<String> columns) {
    super(columns);
  }

  /** A scaler of the named numeric columns. */
  public MaxAbsScaler(String... columns) {
    this(Arrays.asList(columns));
  }

  @Override
  void putStats(Map<String, Double> stats, String column, Moments all) {
    stats.put("abs_max(" + column + ")", Math.max(Math.abs(all.min()), Math.abs(all.max())));
  }

  @Override
  double offset(Map<String, Double> stats, String column) {
    return 0;
  }

  @Override
  double scale(Map<String, Double> stats, String column) {
    return stat(stats, "abs_max(" + column + ")");
  }
}
