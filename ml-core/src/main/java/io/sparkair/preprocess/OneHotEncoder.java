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
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Replaces each named column by one int column per category, named {@code <column>_<value>},
 * holding 1 where the row has that value and 0 elsewhere; the new columns come after the others. A
 * null, or a value not seen in fitting, is 0 in every one of them.
 */
public final class OneHotEncoder extends CategoricalEncoder {
  private static final long serialVersionUID = 1L;

  OneHotEncoder() {}

  /** An encoder of the named columns (strings, numbers or booleans). */
  public OneHotEncoder(List<String> columns) {
    super(columns);
  }

  /** An encoder of the named columns (strings, numbers or booleans). */
  public OneHotEncoder(String... columns) {
    this(Arrays.asList(columns));
  }

  /**
   * Keeps only the {@code limit} most frequent values of {@code column} as categories (ties go to
   * the smaller value); the others encode as all zeros.
   */
  public OneHotEncoder setMaxCategories(String column, int limit) {
    limitCategories(column, limit);
    return this;
  }

  @Override
  protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
    Columns.requireAll(batch, columns(), toString());
    int rows = batch.getRowCount();
    try (BatchBuilder out = new BatchBuilder(batch)) {
      for (String column : columns()) {
        FieldVector in = batch.getVector(column);
        List<Object> categories = categoriesOf(column);
        IntVector[] flags = new IntVector[categories.size()];
        for (int c = 0; c < flags.length; c++) {
          flags[c] = new IntVector(column + "_" + categories.get(c), allocator);
          flags[c].allocateNew(Math.max(rows, 1));
          flags[c].zeroVector();
          out.append(flags[c]);
        }
        for (int i = 0; i < rows; i++) {
          int code = indexOf(column, in, i);
          if (code >= 0) {
            flags[code].set(i, 1);
          }
        }
        for (IntVector flag : flags) {
          markAllValid(flag, rows);
          flag.setValueCount(rows);
        }
        out.remove(column);
      }
      return out.build();
    }
  }

  private static void markAllValid(IntVector vector, int rows) {
    vector.getValidityBuffer().setOne(0, Columns.validityBytes(rows));
  }
}
