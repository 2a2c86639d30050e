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
 * Replaces each named column's values by the index of their category (an int column). A null, or a
 * value not seen in fitting, becomes null.
 */
public class OrdinalEncoder extends CategoricalEncoder {
  private static final long serialVersionUID = 1L;

  OrdinalEncoder() {}

  /** An encoder of the named columns (strings, numbers or booleans). */
  public OrdinalEncoder(List<String> columns) {
    super(columns);
  }

  /** An encoder of the named columns (strings, numbers or booleans). */
  public OrdinalEncoder(String... columns) {
    this(Arrays.asList(columns));
  }

  @Override
  protected final VectorSchemaRoot transformFitted(
      VectorSchemaRoot batch, BufferAllocator allocator) {
    Columns.requireAll(batch, columns(), toString());
    try (BatchBuilder out = new BatchBuilder(batch)) {
      for (String column : columns()) {
        FieldVector in = batch.getVector(column);
        int rows = batch.getRowCount();
        IntVector codes = new IntVector(column, allocator);
        codes.allocateNew(Math.max(rows, 1));
        for (int i = 0; i < rows; i++) {
          int code = indexOf(column, in, i);
          if (code < 0) {
            codes.setNull(i);
          } else {
            codes.set(i, code);
          }
        }
        codes.setValueCount(rows);
        out.replace(column, codes);
      }
      return out.build();
    }
  }
}
