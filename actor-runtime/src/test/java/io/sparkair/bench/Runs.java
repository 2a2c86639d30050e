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
package io.sparkair.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The figures of repeated runs of one measurement, as every benchmark reports them: the median, the
 * spread (minimum and maximum) and the first run, which shows warm-up.
 */
public final class Runs {
  private final double[] values;

  private Runs(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no runs");
    }
    this.values = values.clone();
  }

  /** The runs' figures, in the order they were measured. */
  public static Runs of(double... values) {
    return new Runs(values);
  }

  /** The median (the upper one of an even count). */
  public double median() {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The smallest figure. */
  public double min() {
    return Arrays.stream(values).min().orElseThrow();
  }

  /** The largest figure. */
  public double max() {
    return Arrays.stream(values).max().orElseThrow();
  }

  /** The first run's figure. */
  public double first() {
    return values[0];
  }

  /** The same runs with every figure mapped, for example seconds to a rate. */
  public Runs map(java.util.function.DoubleUnaryOperator f) {
    return new Runs(Arrays.stream(values).map(f).toArray());
  }

  /** "median [min-max] (first)", each number in {@code format} (such as {@code "%.2f"}). */
  public String describe(String format) {
    return String.format(
        Locale.ROOT,
        format + " [" + format + "-" + format + "] (first " + format + ")",
        median(),
        min(),
        max(),
        first());
  }
}
