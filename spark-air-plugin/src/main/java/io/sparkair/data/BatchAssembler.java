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

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Assembles batches of a fixed number of rows out of runs of rows of other batches, copying each
 * column's buffers in bulk: fixed-width values and variable-width bytes with one memory copy per
 * run, validity bits a byte at a time where the run has no nulls, fixed-size lists through their
 * child vector. Other types are copied value by value. The root is allocated once at the batch size
 * and refilled for every batch, so a batch is valid until the next one is started.
 */
final class BatchAssembler implements AutoCloseable {
  private final VectorSchemaRoot root;
  private final int capacity;
  private final List<FieldVector> copiedByValue;
  private int rows;

  BatchAssembler(Schema schema, int capacity, BufferAllocator allocator) {
    this.capacity = capacity;
    this.root = VectorSchemaRoot.create(schema, allocator);
    for (FieldVector v : root.getFieldVectors()) {
      v.setInitialCapacity(capacity);
    }
    root.allocateNew();
    copiedByValue = root.getFieldVectors().stream().filter(v -> !bulk(v)).toList();
  }

  /** Whether {@link #copy} moves the vector's values in bulk, overwriting whatever was there. */
  private static boolean bulk(FieldVector v) {
    return (v instanceof BaseFixedWidthVector && !(v instanceof BitVector))
        || v instanceof BaseVariableWidthVector
        || (v instanceof FixedSizeListVector list && bulk((FieldVector) list.getDataVector()));
  }

  /** Starts a new batch; the previous one is overwritten. */
  void start() {
    rows = 0;
    copiedByValue.forEach(FieldVector::reset);
  }

  /** The number of rows the current batch still has room for. */
  int room() {
    return capacity - rows;
  }

  /** Appends rows {@code from .. from + count} of {@code source}, a batch of the same schema. */
  void append(VectorSchemaRoot source, int from, int count) {
    if (count > room()) {
      throw new IllegalArgumentException(
          "no room for " + count + " rows in a batch of " + capacity + " holding " + rows);
    }
    List<FieldVector> targets = root.getFieldVectors();
    List<FieldVector> sources = source.getFieldVectors();
    for (int c = 0; c < targets.size(); c++) {
      copy(sources.get(c), from, count, targets.get(c), rows);
    }
    rows += count;
  }

  /** The batch assembled since {@link #start()}. */
  VectorSchemaRoot finish() {
    root.setRowCount(rows);
    return root;
  }

  private static void copy(FieldVector from, int first, int count, FieldVector to, int at) {
    if (from instanceof BaseFixedWidthVector f && !(from instanceof BitVector)) {
      BaseFixedWidthVector t = (BaseFixedWidthVector) to;
      int width = f.getTypeWidth();
      t.getDataBuffer()
          .setBytes(
              (long) at * width, f.getDataBuffer(), (long) first * width, (long) count * width);
      copyValidity(f, first, count, t.getValidityBuffer(), at);
    } else if (from instanceof BaseVariableWidthVector f) {
      copyVariableWidth(f, first, count, (BaseVariableWidthVector) to, at);
    } else if (from instanceof FixedSizeListVector f && bulk(f)) {
      FixedSizeListVector t = (FixedSizeListVector) to;
      int size = f.getListSize();
      copy(f.getDataVector(), first * size, count * size, t.getDataVector(), at * size);
      copyValidity(f, first, count, t.getValidityBuffer(), at);
    } else {
      for (int i = 0; i < count; i++) {
        to.copyFromSafe(first + i, at + i, from);
      }
    }
  }

  private static void copyVariableWidth(
      BaseVariableWidthVector from, int first, int count, BaseVariableWidthVector to, int at) {
    ArrowBuf fromOffsets = from.getOffsetBuffer();
    ArrowBuf toOffsets = to.getOffsetBuffer();
    int start = fromOffsets.getInt((long) first * 4);
    int end = fromOffsets.getInt((long) (first + count) * 4);
    int base = at == 0 ? 0 : toOffsets.getInt((long) at * 4);
    while (to.getDataBuffer().capacity() < (long) base + end - start) {
      to.reallocDataBuffer();
    }
    to.getDataBuffer().setBytes(base, from.getDataBuffer(), start, end - start);
    toOffsets.setInt((long) at * 4, base);
    for (int i = 1; i <= count; i++) {
      toOffsets.setInt(
          (long) (at + i) * 4, base + fromOffsets.getInt((long) (first + i) * 4) - start);
    }
    copyValidity(from, first, count, to.getValidityBuffer(), at);
    to.setLastSet(at + count - 1);
  }

  /** Sets the validity bits of rows {@code at .. at + count} from rows {@code first ..}. */
  private static void copyValidity(
      FieldVector from, int first, int count, ArrowBuf validity, int at) {
    if (from.getNullCount() == 0) {
      setValid(validity, at, count);
      return;
    }
    ArrowBuf source = from.getValidityBuffer();
    for (int i = 0; i < count; i++) {
      BitVectorHelper.setValidityBit(validity, at + i, BitVectorHelper.get(source, first + i));
    }
  }

  private static void setValid(ArrowBuf validity, int at, int count) {
    int i = 0;
    while (i < count && ((at + i) & 7) != 0) {
      BitVectorHelper.setBit(validity, at + i++);
    }
    int wholeBytes = (count - i) >>> 3;
    validity.setOne((long) (at + i) >>> 3, wholeBytes);
    for (i += wholeBytes << 3; i < count; i++) {
      BitVectorHelper.setBit(validity, at + i);
    }
  }

  @Override
  public void close() {
    root.close();
  }
}
