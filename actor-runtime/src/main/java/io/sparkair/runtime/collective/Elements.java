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
package io.sparkair.runtime.collective;

import java.nio.ByteBuffer;

/**
 * The array a collective works on, as the wire sees it: a run of fixed-width numbers written to and
 * read from little-endian byte buffers in bulk.
 */
abstract class Elements {
  /** The number of values. */
  abstract int length();

  /** The bytes of one value. */
  abstract int width();

  /** Writes {@code count} values from {@code index} to {@code dst}, advancing its position. */
  abstract void write(ByteBuffer dst, int index, int count);

  /** Adds {@code count} values read from {@code src} to the values from {@code index}. */
  abstract void add(ByteBuffer src, int index, int count);

  /** Replaces {@code count} values from {@code index} by values read from {@code src}. */
  abstract void set(ByteBuffer src, int index, int count);

  /** A zeroed array of the same type and length. */
  abstract Elements blank();

  /** Adds {@code other}'s values (of the same type and length) to these, element by element. */
  abstract void add(Elements other);

  static Elements of(float[] values) {
    return new Floats(values);
  }

  static Elements of(double[] values) {
    return new Doubles(values);
  }

  private static final class Floats extends Elements {
    private final float[] values;
    private float[] scratch = new float[0];

    Floats(float[] values) {
      this.values = values;
    }

    @Override
    int length() {
      return values.length;
    }

    @Override
    int width() {
      return Float.BYTES;
    }

    @Override
    void write(ByteBuffer dst, int index, int count) {
      dst.asFloatBuffer().put(values, index, count);
      dst.position(dst.position() + count * Float.BYTES);
    }

    @Override
    void add(ByteBuffer src, int index, int count) {
      if (scratch.length < count) {
        scratch = new float[count];
      }
      src.asFloatBuffer().get(scratch, 0, count);
      src.position(src.position() + count * Float.BYTES);
      for (int i = 0; i < count; i++) {
        values[index + i] += scratch[i];
      }
    }

    @Override
    void set(ByteBuffer src, int index, int count) {
      src.asFloatBuffer().get(values, index, count);
      src.position(src.position() + count * Float.BYTES);
    }

    @Override
    Elements blank() {
      return new Floats(new float[values.length]);
    }

    @Override
    void add(Elements other) {
      float[] theirs = ((Floats) other).values;
      for (int i = 0; i < values.length; i++) {
        values[i] += theirs[i];
      }
    }
  }

  private static final class Doubles extends Elements {
    private final double[] values;
    private double[] scratch = new double[0];

    Doubles(double[] values) {
      this.values = values;
    }

    @Override
    int length() {
      return values.length;
    }

    @Override
    int width() {
      return Double.BYTES;
    }

    @Override
    void write(ByteBuffer dst, int index, int count) {
      dst.asDoubleBuffer().put(values, index, count);
      dst.position(dst.position() + count * Double.BYTES);
    }

    @Override
    void add(ByteBuffer src, int index, int count) {
      if (scratch.length < count) {
        scratch = new double[count];
      }
      src.asDoubleBuffer().get(scratch, 0, count);
      src.position(src.position() + count * Double.BYTES);
      for (int i = 0; i < count; i++) {
        values[index + i] += scratch[i];
      }
    }

    @Override
    void set(ByteBuffer src, int index, int count) {
      src.asDoubleBuffer().get(values, index, count);
      src.position(src.position() + count * Double.BYTES);
    }

    @Override
    Elements blank() {
      return new Doubles(new double[values.length]);
    }

    @Override
    void add(Elements other) {
      double[] theirs = ((Doubles) other).values;
      for (int i = 0; i < values.length; i++) {
        values[i] += theirs[i];
      }
    }
  }
}
