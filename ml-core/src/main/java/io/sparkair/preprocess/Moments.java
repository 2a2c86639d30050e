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

import java.io.Serializable;
import org.apache.arrow.vector.FieldVector;

/**
 * Count, mean, sum of squared deviations, minimum and maximum of a numeric column's non-null
 * values, mergeable across blocks (Chan et al.'s pairwise update, exact up to rounding).
 */
final class Moments implements Serializable {
  private static final long serialVersionUID = 1L;

  long count;
  double mean;
  double squares;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;

  /** Folds a column's non-null values in. */
  void add(FieldVector vector, String who) {
    Columns.Doubles values = Columns.doubles(vector, who);
    int rows = vector.getValueCount();
    boolean nulls = vector.getNullCount() > 0;
    for (int i = 0; i < rows; i++) {
      if (nulls && vector.isNull(i)) {
        continue;
      }
      double x = values.get(i);
      count++;
      double delta = x - mean;
      mean += delta / count;
      squares += delta * (x - mean);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
  }

  /** Merges another column summary into this one. */
  Moments merge(Moments other) {
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    long total = count + other.count;
    double delta = other.mean - mean;
    squares += other.squares + delta * delta * count * other.count / total;
    mean += delta * other.count / total;
    count = total;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    return this;
  }

  /** The population standard deviation; NaN without values. */
  double std() {
    return count == 0 ? Double.NaN : Math.sqrt(squares / count);
  }

  /** The mean; NaN without values. */
  double mean() {
    return count == 0 ? Double.NaN : mean;
  }

  double min() {
    return count == 0 ? Double.NaN : min;
  }

  double max() {
    return count == 0 ? Double.NaN : max;
  }
}
