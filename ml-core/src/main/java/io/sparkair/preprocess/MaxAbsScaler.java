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

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scales columns to [-1, 1] by the largest absolute value of the fitted data: {@code x / abs_max}.
 * Statistic {@code abs_max(C)}; an all-zero column is left as it is.
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
