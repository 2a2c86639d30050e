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

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The one Arrow root allocator of this JVM, and the named child allocators every part of Spark AIR
 * takes its memory from (Arrow's own advice: one root per process). A child is closed by its owner;
 * Arrow's accounting then names any child still holding memory, so a leak names its owner ({@link
 * #describe()} lists them).
 *
 * <p>The memory comes from the C heap, not from Netty's pooled arenas or the JVM's direct-memory
 * budget ({@code -XX:MaxDirectMemorySize}); on a Spark executor it counts against the memory
 * overhead. The object store's budget bounds what blocks hold; freed memory kept for reuse ({@link
 * #keepFreedMemory}) fills at most what the budget leaves.
 */
public final class Allocators {
  private static final RootAllocator ROOT =
      new RootAllocator(
          RootAllocator.configBuilder()
              .allocationManagerFactory(NativeAllocationManager.FACTORY)
              .maxAllocation(Long.MAX_VALUE)
              .build());

  private Allocators() {}

  /**
   * A new allocator named {@code name} (the owning class or task, for leak reports), limited only
   * by the JVM's direct memory. The caller closes it.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public static BufferAllocator child(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an allocator needs a name, got '" + name + "'");
    }
    return ROOT.newChildAllocator(name, 0, Long.MAX_VALUE);
  }

  /**
   * Keeps freed buffer memory in this process for the next buffers, instead of returning it to the
   * operating system (which must fault new memory in page by page), while the memory kept and the
   * memory allocated together stay within {@code bytes}. A runtime sets it to its object store's
   * budget when it starts; 0 (the default) keeps none.
   *
   * @throws IllegalArgumentException if bytes is negative
   */
  public static void keepFreedMemory(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes to keep must be at least 0, got " + bytes);
    }
    NativeAllocationManager.keepFreedUpTo(bytes);
  }

  /** Freed buffer memory kept for reuse now, in bytes (not counted in {@link #allocatedBytes}). */
  public static long keptBytes() {
    return NativeAllocationManager.keptBytes();
  }

  /** Bytes allocated from every child now. */
  public static long allocatedBytes() {
    return ROOT.getAllocatedMemory();
  }

  /** The open children and what each holds, for diagnosing leaks. */
  public static String describe() {
    return ROOT.toVerboseString();
  }
}
