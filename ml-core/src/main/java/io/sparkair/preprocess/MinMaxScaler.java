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
 * Scales columns to [0, 1] over the fitted data: {@code (x - min) / (max - min)}. Statistics {@code
 * min(C)} and {@code max(C)}; a constant column is only shifted.
 */
public final class MinMaxScaler extends MomentScaler {
  private static final long serialVersionUID = 1L;

  MinMaxScaler() {}

  /** A scaler of the named numeric columns. */
  public MinMaxScaler(List<String> columns) {
    super(columns);
  }

  /** A scaler of the named numeric columns. */
  public MinMaxScaler(String... columns) {
    this(Arrays.asList(columns));
  }

  @Override
  void putStats(Map<String, Double> stats, String column, Moments all) {
    stats.put("min(" + column + ")", all.min());
    stats.put("max(" + column + ")", all.max());
  }

  @Override
  double offset(Map<String, Double> stats, String column) {
    return stat(stats, "min(" + column + ")");
  }

  @Override
  double scale(Map<String, Double> stats, String column) {
    return stat(stats, "max(" + column + ")") - stat(stats, "min(" + column + ")");
  }
}
