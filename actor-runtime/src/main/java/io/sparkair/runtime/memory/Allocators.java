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
 */
public final class Allocators {
  private static final RootAllocator ROOT = new RootAllocator(Long.MAX_VALUE);

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

  /** Bytes allocated from every child now. */
  public static long allocatedBytes() {
    return ROOT.getAllocatedMemory();
  }

  /** The open children and what each holds, for diagnosing leaks. */
  public static String describe() {
    return ROOT.toVerboseString();
  }
}
