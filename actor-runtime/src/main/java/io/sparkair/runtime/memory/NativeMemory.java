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

import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import sun.misc.Unsafe;

/**
 * Memory from the C heap that keeps freed regions for reuse, up to a limit. A region the operating
 * system hands out for the first time must be faulted in page by page, which costs more than
 * writing it (2.9 GB/s on a warm machine, 0.35 GB/s on a virtual machine whose host backs memory
 * lazily, measured in issue 24); blocks are large and freed together when a dataset closes, so the
 * next dataset reuses their memory instead of faulting in new memory. Regions are kept by size:
 * powers of two from {@value #MIN_KEPT} bytes to {@value #MAX_KEPT} bytes, the sizes Arrow rounds
 * buffer requests to; other sizes are freed at once. Memory is kept only while it and the memory in
 * use together stay within the limit, so keeping never raises what the process holds above it.
 */
final class NativeMemory {
  static final long MIN_KEPT = 64 << 10;
  static final long MAX_KEPT = 16 << 20;
  private static final Unsafe UNSAFE = unsafe();
  private static final int CLASSES = Long.numberOfTrailingZeros(MAX_KEPT) + 1;

  private final ConcurrentLinkedDeque<Long>[] kept = newClasses();
  private final AtomicLong keptBytes = new AtomicLong();
  private final LongSupplier inUse;
  private volatile long limit;

  /**
   * Memory that keeps nothing until {@link #keepUpTo} is called; {@code inUse} gives the bytes
   * allocated now.
   */
  NativeMemory(LongSupplier inUse) {
    this.inUse = inUse;
  }

  /** A region of {@code size} bytes, reused if one of that size is kept, with unknown contents. */
  long allocate(long size) {
    int c = sizeClass(size);
    if (c >= 0) {
      Long address = kept[c].pollFirst();
      if (address != null) {
        keptBytes.addAndGet(-size);
        return address;
      }
    }
    return UNSAFE.allocateMemory(size);
  }

  /** Gives back a region {@link #allocate} returned; kept for reuse while under the limit. */
  void free(long address, long size) {
    int c = sizeClass(size);
    if (c >= 0 && keptBytes.addAndGet(size) + inUse.getAsLong() <= limit) {
      kept[c].addFirst(address);
      return;
    }
    if (c >= 0) {
      keptBytes.addAndGet(-size);
    }
    UNSAFE.freeMemory(address);
  }

  /**
   * Keeps freed memory while it and the memory in use stay within {@code bytes}; 0 frees every
   * region as it comes. Lowering the limit frees kept regions above it now.
   */
  void keepUpTo(long bytes) {
    limit = bytes;
    for (int c = kept.length - 1; c >= 0 && keptBytes.get() > limit; c--) {
      Long address;
      while (keptBytes.get() > limit && (address = kept[c].pollLast()) != null) {
        keptBytes.addAndGet(-(1L << c));
        UNSAFE.freeMemory(address);
      }
    }
  }

  /** Bytes kept for reuse now. */
  long keptBytes() {
    return keptBytes.get();
  }

  private static int sizeClass(long size) {
    if (size < MIN_KEPT || size > MAX_KEPT || Long.bitCount(size) != 1) {
      return -1;
    }
    return Long.numberOfTrailingZeros(size);
  }

  @SuppressWarnings("unchecked")
  private static ConcurrentLinkedDeque<Long>[] newClasses() {
    ConcurrentLinkedDeque<Long>[] classes = new ConcurrentLinkedDeque[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      classes[c] = new ConcurrentLinkedDeque<>();
    }
    return classes;
  }

  private static Unsafe unsafe() {
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (Unsafe) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
