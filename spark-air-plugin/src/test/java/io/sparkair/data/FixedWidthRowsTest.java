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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.runtime.memory.Allocators;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class FixedWidthRowsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("d", DataTypes.DoubleType)
          .add("i", DataTypes.IntegerType)
          .add("l", DataTypes.LongType);

  @Test
  void unsafeAndGenericRowsWriteTheSameValuesAndNulls() {
    UnsafeProjection toUnsafe = UnsafeProjection.create(SCHEMA);
    FixedWidthRows writer = FixedWidthRows.forSchema(SCHEMA);
    try (BufferAllocator allocator = Allocators.child("FixedWidthRowsTest");
        VectorSchemaRoot root =
            VectorSchemaRoot.create(ArrowSchemas.toArrow(SCHEMA, "UTC"), allocator)) {
      root.getFieldVectors()
          .forEach(
              v -> {
                v.setInitialCapacity(16);
                v.allocateNew();
              });
      writer.target(root);
      for (int r = 0; r < 11; r++) {
        InternalRow row =
            new GenericInternalRow(
                new Object[] {r % 4 == 1 ? null : r * 1.5, r % 3 == 2 ? null : r - 5, -7L * r});
        writer.write(r % 2 == 0 ? toUnsafe.apply(row) : row, r);
      }
      writer.finish(11);
      root.setRowCount(11);
      Float8Vector d = (Float8Vector) root.getVector(0);
      IntVector i = (IntVector) root.getVector(1);
      BigIntVector l = (BigIntVector) root.getVector(2);
      for (int r = 0; r < 11; r++) {
        assertEquals(r % 4 == 1 ? null : r * 1.5, d.getObject(r), "d at " + r);
        assertEquals(r % 3 == 2 ? null : r - 5, i.getObject(r), "i at " + r);
        assertEquals(-7L * r, l.getObject(r), "l at " + r);
      }
      assertEquals(3, d.getNullCount());
      assertEquals(3, i.getNullCount());
      assertEquals(0, l.getNullCount());
      assertEquals(0, l.getValidityBuffer().getByte(1) & 0xF8, "no valid bit past the last row");
      for (long b = 2; b < l.getValidityBuffer().capacity(); b++) {
        assertEquals(0, l.getValidityBuffer().getByte(b), "no valid byte past the last row");
      }
    }
  }

  @Test
  void schemasWithOtherTypesTakeSparksWriter() {
    assertNull(FixedWidthRows.forSchema(SCHEMA.add("s", DataTypes.StringType)));
    assertNull(FixedWidthRows.forSchema(new StructType().add("b", DataTypes.BooleanType)));
    assertNull(FixedWidthRows.forSchema(new StructType()));
    assertTrue(
        FixedWidthRows.forSchema(
                new StructType()
                    .add("dt", DataTypes.DateType)
                    .add("ts", DataTypes.TimestampType)
                    .add("by", DataTypes.ByteType)
                    .add("sh", DataTypes.ShortType)
                    .add("f", DataTypes.FloatType))
            != null);
  }
}
