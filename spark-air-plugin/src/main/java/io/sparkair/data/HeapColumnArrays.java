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
package io.sparkair.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java array holding an on-heap Spark column vector's values, read without copying. Spark's
 * {@link OnHeapColumnVector} (what the columnar cache and the Parquet reader decode into) keeps a
 * batch's values in one private array per type; its public getters ({@code getDoubles(0, n)}) copy
 * them into a new array for every batch, which doubled the bytes a conversion moved and the garbage
 * it left. Where the array cannot be read (another kind of vector, dictionary-encoded values, or a
 * Spark version that names the array otherwise) {@link #of} gives null and the caller copies.
 */
final class HeapColumnArrays {
  private static final Logger LOG = LoggerFactory.getLogger(HeapColumnArrays.class);
  private static final Map<Class<?>, VarHandle> ARRAYS = arrays();

  private HeapColumnArrays() {}

  /**
   * The array of element type {@code arrayType} ({@code double[].class}, ...) whose first values
   * are the vector's rows, or null when the vector has no such array.
   */
  static Object of(ColumnVector vector, Class<?> arrayType) {
    if (vector.getClass() != OnHeapColumnVector.class
        || ((OnHeapColumnVector) vector).hasDictionary()) {
      return null;
    }
    VarHandle array = ARRAYS.get(arrayType);
    return array == null ? null : array.get(vector);
  }

  /** Whether this Spark version's on-heap vectors expose arrays of {@code arrayType}. */
  static boolean readable(Class<?> arrayType) {
    return ARRAYS.containsKey(arrayType);
  }

  private static Map<Class<?>, VarHandle> arrays() {
    Map<Class<?>, String> fields =
        Map.of(
            byte[].class, "byteData",
            short[].class, "shortData",
            int[].class, "intData",
            long[].class, "longData",
            float[].class, "floatData",
            double[].class, "doubleData");
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.privateLookupIn(OnHeapColumnVector.class, MethodHandles.lookup());
      Map<Class<?>, VarHandle> handles = new HashMap<>();
      for (Map.Entry<Class<?>, String> field : fields.entrySet()) {
        handles.put(
            field.getKey(),
            lookup.findVarHandle(OnHeapColumnVector.class, field.getValue(), field.getKey()));
      }
      return Map.copyOf(handles);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "Spark's on-heap column vectors do not expose their arrays here ({}); columnar"
              + " conversion copies each batch once more",
          e.toString());
      return Map.of();
    }
  }
}
