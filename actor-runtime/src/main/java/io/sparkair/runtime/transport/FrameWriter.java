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
package io.sparkair.runtime.transport;

import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Packs queued messages into frames on one stream. One thread writes at a time; messages queued
 * while it writes go into the next frame, so a burst of calls costs a few frames, not one each. A
 * message is written at once on the caller's thread when nothing is in flight (lowest latency), and
 * otherwise by the writer executor, which collects what accumulated meanwhile.
 */
final class FrameWriter {
  private final StreamObserver<byte[]> stream;
  private final Executor writer;
  private final int maxFrameBytes;
  private final ConcurrentLinkedQueue<Outgoing> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger wip = new AtomicInteger();
  private final Map<Class<?>, Integer> defined = new HashMap<>();
  private final Wire.Out frame;
  private volatile boolean closed;

  FrameWriter(StreamObserver<byte[]> stream, Executor writer, int maxFrameBytes) {
    this.stream = stream;
    this.writer = writer;
    this.maxFrameBytes = maxFrameBytes;
    this.frame = new Wire.Out(4096);
  }

  /**
   * Queues a message.
   *
   * @param now write on this thread if no other thread is writing
   */
  void send(Outgoing message, boolean now) {
    if (closed) {
      message.fail(new RemoteCallException("stream is closed"));
      return;
    }
    queue.add(message);
    if (wip.getAndIncrement() == 0) {
      if (now) {
        drain();
      } else {
        writer.execute(this::drain);
      }
    }
  }

  private void drain() {
    int missed = wip.get();
    while (true) {
      Outgoing next;
      while ((next = queue.poll()) != null) {
        int mark = frame.size();
        try {
          next.writeTo(frame, defined);
        } catch (RuntimeException e) {
          truncate(mark);
          next.fail(e);
          continue;
        }
        if (frame.size() >= maxFrameBytes) {
          flush();
        }
      }
      flush();
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void truncate(int mark) {
    byte[] kept = java.util.Arrays.copyOf(frame.array(), mark);
    frame.reset();
    frame.raw(kept, 0, kept.length);
  }

  private void flush() {
    if (frame.size() == 0) {
      return;
    }
    byte[] bytes = frame.toArray();
    frame.reset();
    if (closed) {
      return;
    }
    try {
      synchronized (stream) {
        stream.onNext(bytes);
      }
    } catch (RuntimeException e) {
      closed = true;
    }
  }

  /** Fails everything still queued; later sends fail at once. */
  void close(Throwable cause) {
    closed = true;
    Outgoing next;
    while ((next = queue.poll()) != null) {
      next.fail(cause);
    }
  }
}
