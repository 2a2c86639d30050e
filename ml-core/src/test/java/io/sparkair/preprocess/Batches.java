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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/** Small Arrow batches built from Java values, and read back, for preprocessor tests. */
public final class Batches {
  private Batches() {}

  /** A batch of the given columns (all of the same length). */
  public static VectorSchemaRoot of(FieldVector... columns) {
    List<FieldVector> vectors = List.of(columns);
    return new VectorSchemaRoot(vectors);
  }

  public static Float8Vector doubles(BufferAllocator a, String name, Double... values) {
    Float8Vector v = new Float8Vector(name, a);
    v.allocateNew(Math.max(values.length, 1));
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.set(i, values[i]);
      }
    }
    v.setValueCount(values.length);
    return v;
  }

  public static BigIntVector longs(BufferAllocator a, String name, Long... values) {
    BigIntVector v = new BigIntVector(name, a);
    v.allocateNew(Math.max(values.length, 1));
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.set(i, values[i]);
      }
    }
    v.setValueCount(values.length);
    return v;
  }

  public static VarCharVector strings(BufferAllocator a, String name, String... values) {
    VarCharVector v = new VarCharVector(name, a);
    v.allocateNew(Math.max(values.length, 1));
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    v.setValueCount(values.length);
    return v;
  }

  /** A column's values as Java objects (doubles, longs, ints, strings, lists); nulls as null. */
  public static List<Object> values(VectorSchemaRoot batch, String column) {
    FieldVector v = batch.getVector(column);
    if (v == null) {
      throw new AssertionError("no column " + column + " in " + batch.getSchema());
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < batch.getRowCount(); i++) {
      Object o = v.getObject(i);
      if (o instanceof org.apache.arrow.vector.util.Text) {
        o = o.toString();
      }
      if (v instanceof ListVector && o != null) {
        o = new ArrayList<>((List<?>) o);
      }
      out.add(o);
    }
    return out;
  }

  /** The column names of a batch, in order. */
  public static List<String> names(VectorSchemaRoot batch) {
    List<String> names = new ArrayList<>();
    batch.getSchema().getFields().forEach(f -> names.add(f.getName()));
    return names;
  }

  static IntVector ints(BufferAllocator a, String name, Integer... values) {
    IntVector v = new IntVector(name, a);
    v.allocateNew(Math.max(values.length, 1));
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.set(i, values[i]);
      }
    }
    v.setValueCount(values.length);
    return v;
  }
}
