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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.execution.vectorized.Dictionary;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class HeapColumnArraysTest {

  @Test
  void thisSparkLinesOnHeapVectorsExposeEveryFixedWidthArray() {
    for (Class<?> type :
        List.of(
            byte[].class,
            short[].class,
            int[].class,
            long[].class,
            float[].class,
            double[].class)) {
      assertTrue(HeapColumnArrays.readable(type), type.getSimpleName());
    }
  }

  @Test
  void theArrayIsTheVectorsOwnWithItsValuesFirst() {
    try (OnHeapColumnVector vector = new OnHeapColumnVector(4, DataTypes.DoubleType)) {
      vector.putDoubles(0, 3, new double[] {1.5, -2, 7}, 0);
      double[] values = (double[]) HeapColumnArrays.of(vector, double[].class);
      assertArrayEquals(new double[] {1.5, -2, 7}, Arrays.copyOf(values, 3));
      assertSame(values, HeapColumnArrays.of(vector, double[].class));
      vector.putDouble(1, 3);
      assertEquals(3, values[1]);
    }
  }

  @Test
  void dictionaryEncodedValuesAreNotReadFromTheArray() {
    try (OnHeapColumnVector vector = new OnHeapColumnVector(4, DataTypes.IntegerType)) {
      vector.putInts(0, 4, 5);
      assertEquals(5, ((int[]) HeapColumnArrays.of(vector, int[].class))[3]);
      vector.reserveDictionaryIds(4);
      vector.setDictionary(
          (Dictionary)
              Proxy.newProxyInstance(
                  Dictionary.class.getClassLoader(),
                  new Class<?>[] {Dictionary.class},
                  (proxy, method, args) -> 9));
      assertEquals(9, vector.getInt(3));
      assertNull(HeapColumnArrays.of(vector, int[].class));
    }
  }
}
