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
package io.sparkair.tune;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The search-space vocabulary of Ray Tune: distributions to sample ({@code uniform}, {@code
 * loguniform}, {@code randint}, ...), {@code choice}, {@code gridSearch} dimensions and {@code
 * sampleFrom} (a function of the values sampled before it). Bounds follow Ray: upper bounds are
 * exclusive for {@code randint}, inclusive for the quantized forms.
 */
public final class Tune {
  private Tune() {}

  /** A function of the trial's resolved configuration, for {@link #sampleFrom}. */
  @FunctionalInterface
  public interface SpecFunction extends Function<Map<String, Object>, Object>, Serializable {}

  /** A double uniform in [low, high). */
  public static Domain uniform(double low, double high) {
    checkRange(low, high);
    return (random, spec) -> low + (high - low) * random.nextDouble();
  }

  /** A double uniform in [low, high], rounded to a multiple of {@code q} within the bounds. */
  public static Domain quniform(double low, double high, double q) {
    checkRange(low, high);
    checkQ(q);
    return (random, spec) -> quantize(low + (high - low) * random.nextDouble(), q, low, high);
  }

  /** A double whose logarithm is uniform: {@code low} and {@code high} must be positive. */
  public static Domain loguniform(double low, double high) {
    checkRange(low, high);
    if (low <= 0) {
      throw new IllegalArgumentException("loguniform needs low > 0, got " + low);
    }
    double a = Math.log(low);
    double b = Math.log(high);
    return (random, spec) -> Math.exp(a + (b - a) * random.nextDouble());
  }

  /** A log-uniform double rounded to a multiple of {@code q}. */
  public static Domain qloguniform(double low, double high, double q) {
    Domain log = loguniform(low, high);
    checkQ(q);
    return (random, spec) -> quantize((Double) log.sample(random, spec), q, low, high);
  }

  /** An integer uniform in [low, high). */
  public static Domain randint(int low, int high) {
    if (high <= low) {
      throw new IllegalArgumentException(
          "randint needs low < high, got [" + low + ", " + high + ")");
    }
    return (random, spec) -> low + random.nextInt(high - low);
  }

  /** An integer uniform in [low, high], a multiple of {@code q}. */
  public static Domain qrandint(int low, int high, int q) {
    if (high < low || q <= 0) {
      throw new IllegalArgumentException(
          "qrandint needs low <= high and q > 0, got [" + low + ", " + high + "], q=" + q);
    }
    return (random, spec) -> {
      int value = (int) (Math.round((low + (high - low) * random.nextDouble()) / q) * q);
      return Math.max(low, Math.min(high, value));
    };
  }

  /** A normal double with the given mean and standard deviation. */
  public static Domain randn(double mean, double sd) {
    if (!(sd > 0)) {
      throw new IllegalArgumentException("randn needs sd > 0, got " + sd);
    }
    return (random, spec) -> mean + sd * random.nextGaussian();
  }

  /** One of the values, each equally likely. */
  public static Domain choice(Object... values) {
    return choice(Arrays.asList(values));
  }

  /** One of the values, each equally likely. */
  public static Domain choice(List<?> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("choice needs at least one value, got " + values);
    }
    List<Object> copy = List.copyOf(values);
    return new Choice(copy);
  }

  /** Every value, as a grid dimension: trials multiply by the number of values. */
  public static GridSearch gridSearch(Object... values) {
    return new GridSearch(Arrays.asList(values));
  }

  /**
   * Every value of the list, as a grid dimension, as Ray's {@code tune.grid_search([2, 4])}; from
   * Scala, {@code Tune.gridSearch(Seq(2, 4).asJava)}.
   */
  public static GridSearch gridSearch(List<?> values) {
    return new GridSearch(values);
  }

  /** A value computed from the trial's other sampled values, resolved after them. */
  public static Domain sampleFrom(SpecFunction fn) {
    return new SampleFrom(fn);
  }

  /** A choice among values; kept as a class so model-based searchers can see its values. */
  static final class Choice implements Domain {
    private static final long serialVersionUID = 1L;
    final List<Object> values;

    Choice(List<Object> values) {
      this.values = values;
    }

    @Override
    public Object sample(java.util.Random random, Map<String, Object> spec) {
      return values.get(random.nextInt(values.size()));
    }
  }

  /** A function of the other values; resolved last. */
  static final class SampleFrom implements Domain {
    private static final long serialVersionUID = 1L;
    private final SpecFunction fn;

    SampleFrom(SpecFunction fn) {
      this.fn = java.util.Objects.requireNonNull(fn, "fn");
    }

    @Override
    public Object sample(java.util.Random random, Map<String, Object> spec) {
      return fn.apply(spec);
    }
  }

  private static void checkRange(double low, double high) {
    if (!(low < high)) {
      throw new IllegalArgumentException(
          "a range needs low < high, got [" + low + ", " + high + "]");
    }
  }

  private static void checkQ(double q) {
    if (!(q > 0)) {
      throw new IllegalArgumentException("q must be > 0, got " + q);
    }
  }

  /** The multiple of {@code q} nearest to {@code v}, kept to the multiples inside the bounds. */
  private static double quantize(double v, double q, double low, double high) {
    double rounded = Math.round(v / q) * q;
    if (rounded < low) {
      return Math.ceil(low / q) * q;
    }
    return rounded > high ? Math.floor(high / q) * q : rounded;
  }
}
