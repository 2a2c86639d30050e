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
package io.sparkair.preprocess;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * Scales columns by statistics robust to outliers: {@code (x - median) / (high - low)}, where low
 * and high are quantiles of the fitted data (the 25th and 75th by default). Statistics {@code
 * low_quantile(C)}, {@code median(C)}, {@code high_quantile(C)}; a range of 0 is taken as 1.
 *
 * <p>A quantile is the value at position {@code floor(q * (n - 1))} of the sorted non-null values,
 * as Ray takes it. Up to {@value Quantiles#EXACT_UP_TO} values per column it is exact; beyond, it
 * comes from a KLL sketch (Apache DataSketches, k = 200) whose rank error is within 1.33% of {@code
 * n} with 99% confidence.
 */
public final class RobustScaler extends AffineScaler<Quantiles> {
  private static final long serialVersionUID = 1L;
  private static final String LOW = "low";
  private static final String HIGH = "high";

  /** The lower quantile of the scale's range. */
  private double low = 0.25;

  /** The upper quantile of the scale's range. */
  private double high = 0.75;

  RobustScaler() {}

  /** A scaler of the named numeric columns by their median and interquartile range. */
  public RobustScaler(List<String> columns) {
    super(columns);
  }

  /** A scaler of the named numeric columns by their median and interquartile range. */
  public RobustScaler(String... columns) {
    this(Arrays.asList(columns));
  }

  /**
   * Sets the quantiles whose distance is the scale.
   *
   * @throws IllegalArgumentException unless {@code 0 <= low < high <= 1}
   */
  public RobustScaler setQuantileRange(double low, double high) {
    if (!(low >= 0 && low < high && high <= 1)) {
      throw new IllegalArgumentException(
          "quantile range needs 0 <= low < high <= 1, got (" + low + ", " + high + ")");
    }
    this.low = low;
    this.high = high;
    return this;
  }

  @Override
  void writeFields(ObjectNode json) {
    super.writeFields(json);
    json.put(LOW, low);
    json.put(HIGH, high);
  }

  @Override
  void readFields(JsonFields json) {
    super.readFields(json);
    double lowQuantile = json.number(LOW, low);
    double highQuantile = json.number(HIGH, high);
    json.check(HIGH, () -> setQuantileRange(lowQuantile, highQuantile));
  }

  @Override
  Quantiles emptyColumn() {
    return new Quantiles();
  }

  @Override
  Quantiles addColumn(Quantiles partial, FieldVector column) {
    partial.add(column, toString());
    return partial;
  }

  @Override
  Quantiles mergeColumn(Quantiles left, Quantiles right) {
    return left.merge(right);
  }

  @Override
  void putStats(Map<String, Double> stats, String column, Quantiles all) {
    stats.put("low_quantile(" + column + ")", all.quantile(low));
    stats.put("median(" + column + ")", all.quantile(0.5));
    stats.put("high_quantile(" + column + ")", all.quantile(high));
  }

  @Override
  double offset(Map<String, Double> stats, String column) {
    return stat(stats, "median(" + column + ")");
  }

  @Override
  double scale(Map<String, Double> stats, String column) {
    return stat(stats, "high_quantile(" + column + ")")
        - stat(stats, "low_quantile(" + column + ")");
  }
}
