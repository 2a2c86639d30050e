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
 * Standardizes columns: {@code (x - mean) / std}, with the population standard deviation of the
 * fitted data. Statistics {@code mean(C)} and {@code std(C)}; a column whose std is 0 is only
 * centred.
 */
public final class StandardScaler extends MomentScaler {
  private static final long serialVersionUID = 1L;

  StandardScaler() {}

  /** A scaler of the named numeric columns. */
  public StandardScaler(List<String> columns) {
    super(columns);
  }

  /** A scaler of the named numeric columns. */
  public StandardScaler(String... columns) {
    this(Arrays.asList(columns));
  }

  @Override
  void putStats(Map<String, Double> stats, String column, Moments all) {
    stats.put("mean(" + column + ")", all.mean());
    stats.put("std(" + column + ")", all.std());
  }

  @Override
  double offset(Map<String, Double> stats, String column) {
    return stat(stats, "mean(" + column + ")");
  }

  @Override
  double scale(Map<String, Double> stats, String column) {
    return stat(stats, "std(" + column + ")");
  }
}
