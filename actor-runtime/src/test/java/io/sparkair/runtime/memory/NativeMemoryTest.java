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
package io.sparkair.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {
  private static final long REGION = 1 << 20;

  @Test
  void aFreedRegionIsReusedForTheNextOfItsSize() {
    NativeMemory memory = new NativeMemory(() -> 0);
    memory.keepUpTo(4 * REGION);
    long first = memory.allocate(REGION);
    memory.free(first, REGION);
    assertEquals(REGION, memory.keptBytes());
    assertEquals(first, memory.allocate(REGION));
    assertEquals(0, memory.keptBytes());
    long other = memory.allocate(2 * REGION);
    assertNotEquals(first, other);
    memory.free(other, 2 * REGION);
    memory.free(first, REGION);
    assertEquals(3 * REGION, memory.keptBytes());
    memory.keepUpTo(0);
    assertEquals(0, memory.keptBytes());
  }

  @Test
  void nothingIsKeptBeyondTheLimitOrOutsideTheSizeClasses() {
    NativeMemory memory = new NativeMemory(() -> 0);
    memory.keepUpTo(REGION);
    long[] regions = {memory.allocate(REGION), memory.allocate(REGION)};
    memory.free(regions[0], REGION);
    memory.free(regions[1], REGION);
    assertEquals(REGION, memory.keptBytes());
    long odd = memory.allocate(REGION - 8);
    memory.free(odd, REGION - 8);
    long small = memory.allocate(NativeMemory.MIN_KEPT / 2);
    memory.free(small, NativeMemory.MIN_KEPT / 2);
    long large = memory.allocate(NativeMemory.MAX_KEPT * 2);
    memory.free(large, NativeMemory.MAX_KEPT * 2);
    assertEquals(REGION, memory.keptBytes());
    memory.keepUpTo(0);
  }

  @Test
  void memoryInUseLeavesLessToKeep() {
    AtomicLong inUse = new AtomicLong(3 * REGION);
    NativeMemory memory = new NativeMemory(inUse::get);
    memory.keepUpTo(4 * REGION);
    long first = memory.allocate(REGION);
    long second = memory.allocate(REGION);
    memory.free(first, REGION);
    memory.free(second, REGION);
    assertEquals(REGION, memory.keptBytes());
    memory.keepUpTo(0);
  }

  @Test
  void arrowBuffersComeBackAsTheSameMemoryWhileKept() {
    Allocators.keepFreedMemory(64 * REGION);
    try (BufferAllocator allocator = Allocators.child("NativeMemoryTest")) {
      long address;
      try (ArrowBuf buf = allocator.buffer(REGION)) {
        buf.setLong(0, 42);
        address = buf.memoryAddress();
      }
      long kept = Allocators.keptBytes();
      try (ArrowBuf again = allocator.buffer(REGION)) {
        assertEquals(address, again.memoryAddress());
        assertEquals(kept - REGION, Allocators.keptBytes());
      }
      assertEquals(0, allocator.getAllocatedMemory());
    } finally {
      Allocators.keepFreedMemory(0);
    }
    assertEquals(0, Allocators.keptBytes());
  }

  @Test
  void aNegativeLimitIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Allocators.keepFreedMemory(-1));
    assertEquals("bytes to keep must be at least 0, got -1", e.getMessage());
  }
}
