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
package io.sparkair.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.BlockNotFoundException;
import io.sparkair.runtime.store.BlockReader;
import io.sparkair.runtime.store.BlockWriter;
import io.sparkair.runtime.store.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreTest {
  static final Schema SCHEMA =
      new Schema(
          List.of(
              Field.nullable("id", new ArrowType.Int(64, true)),
              Field.nullable("x", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));

  @TempDir Path spill;
  private RootAllocator root;
  private ObjectStore store;

  @BeforeEach
  void open() {
    root = new RootAllocator();
    store = new ObjectStore("n1", root, 300_000, spill.resolve("spill"));
  }

  @AfterEach
  void close() {
    store.close();
    assertEquals(0, root.getAllocatedMemory(), "every buffer is freed");
    root.close();
  }

  /** Writes a block of {@code batches} batches of {@code rows} rows: id = row number, x = id/2. */
  static BlockId write(ObjectStore store, long first, int batches, int rows) {
    try (BlockWriter w = store.writer(SCHEMA)) {
      fill(w, first, batches, rows, () -> {});
      return w.commit();
    }
  }

  /** Writes {@code batches} batches into {@code w}, running {@code afterBatch} after each. */
  static void fill(BlockWriter w, long first, int batches, int rows, Runnable afterBatch) {
    long id = first;
    for (int b = 0; b < batches; b++) {
      BigIntVector ids = (BigIntVector) w.root().getVector("id");
      Float8Vector xs = (Float8Vector) w.root().getVector("x");
      ids.allocateNew(rows);
      xs.allocateNew(rows);
      for (int i = 0; i < rows; i++, id++) {
        ids.set(i, id);
        xs.set(i, id / 2.0);
      }
      w.root().setRowCount(rows);
      w.writeBatch();
      afterBatch.run();
    }
  }

  /** The number of batches left in {@code reader}, read to its end. */
  static int batches(BlockReader reader) {
    int n = 0;
    while (reader.loadNext()) {
      n++;
    }
    return n;
  }

  /** Sums the id column and checks x = id / 2 on every row. */
  static long checkedSum(BlockReader reader) {
    long sum = 0;
    while (reader.loadNext()) {
      sum += checkedBatchSum(reader);
    }
    return sum;
  }

  /** Sums the loaded batch's id column and checks x = id / 2 on its rows. */
  static long checkedBatchSum(BlockReader reader) {
    long sum = 0;
    BigIntVector ids = (BigIntVector) reader.root().getVector("id");
    Float8Vector xs = (Float8Vector) reader.root().getVector("x");
    for (int i = 0; i < reader.root().getRowCount(); i++) {
      assertEquals(ids.get(i) / 2.0, xs.get(i));
      sum += ids.get(i);
    }
    return sum;
  }

  @Test
  void putAndReadBack() {
    BlockId id = write(store, 0, 3, 1000);
    assertEquals("n1", id.node());
    assertEquals(3000, store.rows(id));
    try (BlockReader r = store.read(id)) {
      assertEquals(2999L * 3000 / 2, checkedSum(r));
    }
    try (BlockReader r = store.read(id)) {
      assertEquals(3, batches(r));
    }
  }

  @Test
  void spillsLeastRecentlyUsedAndReadsBack() throws Exception {
    BlockId a = write(store, 0, 2, 4000);
    BlockId b = write(store, 8000, 2, 4000);
    assertTrue(store.bytes(a) > 100_000, "each block is over a third of the budget");
    BlockId c = write(store, 16000, 2, 4000);
    assertTrue(store.isSpilled(a), "the oldest block spilled");
    assertFalse(store.isSpilled(c), "the newest block stays in memory");
    assertTrue(store.stats().bytesInMemory() <= 300_000);
    assertTrue(Files.exists(spill.resolve("spill").resolve(a.id() + ".arrow")));
    try (BlockReader r = store.read(a)) {
      assertEquals(7999L * 8000 / 2, checkedSum(r));
    }
    assertFalse(store.isSpilled(a), "reading brought it back");
    assertEquals(1, store.stats().reloads());
    assertTrue(store.stats().spills() >= 2);
    long before = store.stats().bytesSpilled();
    store.release(a);
    store.release(b);
    assertFalse(Files.exists(spill.resolve("spill").resolve(a.id() + ".arrow")));
    assertTrue(store.stats().bytesSpilled() < before || before == 0);
  }

  @Test
  void aBlockLargerThanTheBudgetGoesToDiskAsItIsWrittenAndStreamsBack() {
    BlockId small = write(store, 0, 1, 1000);
    long[] peak = {0};
    BlockId big;
    try (BlockWriter w = store.writer(SCHEMA)) {
      fill(w, 0, 12, 4000, () -> peak[0] = Math.max(peak[0], root.getAllocatedMemory()));
      big = w.commit();
    }
    long bigBytes = store.bytes(big);
    assertTrue(bigBytes > 2 * 300_000, "the block is over twice the budget: " + bigBytes);
    long smallBytes = store.bytes(small);
    assertTrue(peak[0] <= smallBytes + 300_000 + bigBytes / 12, "memory while writing: " + peak[0]);
    assertTrue(store.isSpilled(big));
    assertFalse(store.isSpilled(small), "a block going to disk spills no other");
    assertTrue(Files.exists(spill.resolve("spill").resolve(big.id() + ".arrow")));
    assertEquals(48_000, store.rows(big));
    long reading = 0;
    try (BlockReader r = store.read(big)) {
      long sum = 0;
      while (r.loadNext()) {
        reading = Math.max(reading, root.getAllocatedMemory());
        sum += checkedBatchSum(r);
      }
      assertEquals(sumOfIds(0, 48_000), sum);
    }
    assertTrue(reading <= smallBytes + 2 * bigBytes / 12, "memory while reading: " + reading);
    assertTrue(store.isSpilled(big), "streamed from disk, not brought back");
    assertEquals(0, store.stats().reloads());
    store.release(big);
    assertFalse(Files.exists(spill.resolve("spill").resolve(big.id() + ".arrow")));
  }

  @Test
  void anUncommittedWriterOnDiskLeavesNoFileBehind() throws Exception {
    try (BlockWriter abandoned = store.writer(SCHEMA)) {
      fill(abandoned, 0, 12, 4000, () -> {});
      try (var files = Files.list(spill.resolve("spill"))) {
        assertEquals(1, files.count(), "the block outgrew the budget and went to disk");
      }
    }
    try (var files = Files.list(spill.resolve("spill"))) {
      assertEquals(0, files.count(), "closing without a commit deleted its file");
    }
    assertEquals(0, store.stats().blocks());
  }

  private static long sumOfIds(long from, long to) {
    return (from + to - 1) * (to - from) / 2;
  }

  @Test
  void pinnedBlocksAreNotSpilled() {
    BlockId a = write(store, 0, 2, 4000);
    try (BlockReader r = store.read(a)) {
      write(store, 8000, 2, 4000);
      write(store, 16000, 2, 4000);
      assertFalse(store.isSpilled(a), "a block being read stays in memory");
      assertEquals(7999L * 8000 / 2, checkedSum(r));
    }
  }

  @Test
  void referenceCountingFreesOnLastRelease() {
    long empty = root.getAllocatedMemory();
    BlockId a = write(store, 0, 1, 1000);
    store.retain(a);
    store.release(a);
    assertTrue(store.contains(a));
    try (BlockReader r = store.read(a)) {
      store.release(a);
      assertTrue(store.contains(a), "an open reader holds a reference");
      assertEquals(999L * 1000 / 2, checkedSum(r));
    }
    assertFalse(store.contains(a));
    assertEquals(empty, root.getAllocatedMemory());
    assertThrows(BlockNotFoundException.class, () -> store.read(a));
    store.release(a);
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> BlockId.parse("no-slash"));
    assertThrows(IllegalArgumentException.class, () -> new ObjectStore("n", root, 0, spill));
    BlockNotFoundException e =
        assertThrows(BlockNotFoundException.class, () -> store.read(new BlockId("n1", "missing")));
    assertTrue(e.getMessage().contains("n1/missing"));
  }
}
