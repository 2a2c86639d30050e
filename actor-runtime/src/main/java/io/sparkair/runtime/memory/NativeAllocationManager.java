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

import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ReferenceManager;

/**
 * Arrow memory from {@link NativeMemory}: the C heap, with freed regions kept for the next buffers
 * of their size. Netty's pooled arenas (Arrow's default manager) return a chunk to the system as
 * soon as it empties, so every dataset converted after another faulted its memory in afresh.
 *
 * <p>Arrow's own {@code arrow-memory-unsafe} takes memory from the C heap too (and keeps none), but
 * its class lives in a different package on Arrow 12 (Spark 3.5) than on Arrow 18 and later, and
 * its Arrow 12 jar carries a {@code DefaultAllocationManagerFactory} that would silently replace
 * Netty as the default of every Arrow allocator in the JVM, Spark's included. The {@link
 * AllocationManager} contract this class implements is the same on every supported Arrow version.
 */
final class NativeAllocationManager extends AllocationManager {
  private static final NativeMemory MEMORY = new NativeMemory(Allocators::allocatedBytes);
  private static final ArrowBuf EMPTY = new ArrowBuf(ReferenceManager.NO_OP, null, 0, 0);

  /** The factory a root allocator takes to allocate this way. */
  static final AllocationManager.Factory FACTORY =
      new AllocationManager.Factory() {
        @Override
        public AllocationManager create(BufferAllocator accountingAllocator, long size) {
          return new NativeAllocationManager(accountingAllocator, size);
        }

        @Override
        public ArrowBuf empty() {
          return EMPTY;
        }
      };

  private final long address;
  private final long size;

  private NativeAllocationManager(BufferAllocator accountingAllocator, long size) {
    super(accountingAllocator);
    this.address = MEMORY.allocate(size);
    this.size = size;
  }

  @Override
  public long getSize() {
    return size;
  }

  @Override
  protected long memoryAddress() {
    return address;
  }

  @Override
  protected void release0() {
    MEMORY.free(address, size);
  }

  /**
   * Keeps freed buffer memory for reuse while it and the memory in use stay within {@code bytes}.
   */
  static void keepFreedUpTo(long bytes) {
    MEMORY.keepUpTo(bytes);
  }

  /** Freed buffer memory kept for reuse now. */
  static long keptBytes() {
    return MEMORY.keptBytes();
  }
}
