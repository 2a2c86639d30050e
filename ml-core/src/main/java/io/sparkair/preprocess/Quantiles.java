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

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The quantiles of a numeric column's non-null values, mergeable across blocks: every value while
 * there are at most {@link #EXACT_UP_TO}, then a KLL sketch.
 */
final class Quantiles implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int EXACT_UP_TO = 100_000;

  private transient double[] values = new double[16];
  private transient int count;
  private transient KllDoublesSketch sketch;

  void add(FieldVector vector, String who) {
    Columns.Doubles column = Columns.doubles(vector, who);
    boolean nulls = vector.getNullCount() > 0;
    for (int i = 0, rows = vector.getValueCount(); i < rows; i++) {
      if (!(nulls && vector.isNull(i))) {
        add(column.get(i));
      }
    }
  }

  private void add(double x) {
    if (sketch != null) {
      sketch.update(x);
      return;
    }
    if (count == values.length) {
      if (count >= EXACT_UP_TO) {
        toSketch();
        sketch.update(x);
        return;
      }
      values = Arrays.copyOf(values, Math.min(count * 2, EXACT_UP_TO));
    }
    values[count++] = x;
  }

  Quantiles merge(Quantiles other) {
    if (other.sketch != null) {
      if (sketch == null) {
        toSketch();
      }
      sketch.merge(other.sketch);
    } else {
      for (int i = 0; i < other.count; i++) {
        add(other.values[i]);
      }
    }
    return this;
  }

  /** The value at position {@code floor(q * (n - 1))} of the sorted values; NaN if none. */
  double quantile(double q) {
    if (sketch != null) {
      long n = sketch.getN();
      long position = (long) Math.floor(q * (n - 1));
      return sketch.getQuantile((position + 0.5) / n);
    }
    if (count == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return sorted[(int) Math.floor(q * (count - 1))];
  }

  private void toSketch() {
    sketch = KllDoublesSketch.newHeapInstance();
    for (int i = 0; i < count; i++) {
      sketch.update(values[i]);
    }
    values = null;
    count = 0;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeBoolean(sketch != null);
    if (sketch != null) {
      out.writeObject(sketch.toByteArray());
    } else {
      out.writeObject(Arrays.copyOf(values, count));
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (in.readBoolean()) {
      sketch = KllDoublesSketch.heapify(Memory.wrap((byte[]) in.readObject()));
    } else {
      values = (double[]) in.readObject();
      count = values.length;
      if (values.length == 0) {
        values = new double[16];
      }
    }
  }
}
