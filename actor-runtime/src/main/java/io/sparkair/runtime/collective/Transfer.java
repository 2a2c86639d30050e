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
package io.sparkair.runtime.collective;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One frame going to or coming from one peer, moved as far as the stream allows without blocking
 * each time {@link #progress} is called.
 */
abstract class Transfer {
  final Link link;
  final Frame frame;
  final Elements elements;
  final int index;

  Transfer(Link link, Frame frame, Elements elements, int index) {
    this.link = link;
    this.frame = frame;
    this.elements = elements;
    this.index = index;
  }

  /** Moves what the stream takes or gives now; true once the frame is through. */
  abstract boolean progress() throws IOException;

  /** Whether it waits to write (else to read). */
  abstract boolean writes();

  /** Sends {@code frame.values()} values from {@code index}, after the header. */
  static Transfer send(Link link, Frame frame, Elements elements, int index) {
    return new Send(link, frame, elements, index);
  }

  /**
   * Receives a frame like {@code expected} and adds its values to, or sets them into, the values
   * from {@code index}.
   */
  static Transfer receive(Link link, Frame expected, Elements elements, int index, boolean add) {
    return new Receive(link, expected, elements, index, add);
  }

  private static final class Send extends Transfer {
    private boolean headerWritten;
    private long queued;

    Send(Link link, Frame frame, Elements elements, int index) {
      super(link, frame, elements, index);
      link.out.clear().flip();
    }

    @Override
    boolean progress() throws IOException {
      ByteBuffer out = link.out;
      while (true) {
        if (out.hasRemaining()) {
          link.channel.write(out);
          if (out.hasRemaining()) {
            return false;
          }
        }
        if (headerWritten && queued == frame.values()) {
          return true;
        }
        out.clear();
        if (!headerWritten) {
          frame.writeTo(out);
          headerWritten = true;
        }
        int count = (int) Math.min(frame.values() - queued, out.remaining() / elements.width());
        elements.write(out, index + (int) queued, count);
        queued += count;
        out.flip();
      }
    }

    @Override
    boolean writes() {
      return true;
    }
  }

  private static final class Receive extends Transfer {
    private final boolean add;
    private boolean started;
    private long unread;
    private long taken;

    Receive(Link link, Frame expected, Elements elements, int index, boolean add) {
      super(link, expected, elements, index);
      this.add = add;
    }

    @Override
    boolean progress() throws IOException {
      if (!started) {
        Frame got = link.nextFrame();
        if (got == null) {
          return false;
        }
        check(got);
        link.consumeFrame();
        started = true;
        unread = got.values() * elements.width();
        link.in.clear();
      }
      ByteBuffer in = link.in;
      while (taken < frame.values()) {
        in.limit((int) Math.min(in.capacity(), in.position() + unread));
        int read = link.channel.read(in);
        if (read < 0) {
          throw new EOFException("worker " + link.peer + " closed its stream");
        }
        if (read == 0) {
          return false;
        }
        unread -= read;
        in.flip();
        int whole = in.remaining() / elements.width();
        if (add) {
          elements.add(in, index + (int) taken, whole);
        } else {
          elements.set(in, index + (int) taken, whole);
        }
        taken += whole;
        in.compact();
      }
      return true;
    }

    private void check(Frame got) {
      if (got.call() != frame.call() || got.seq() != frame.seq()) {
        throw new IllegalStateException(
            "worker "
                + link.peer
                + " made collective call #"
                + got.seq()
                + ", "
                + got.call()
                + ", where this worker made call #"
                + frame.seq()
                + ", "
                + frame.call()
                + "; every worker must make the same collective calls in the same order");
      }
      if (got.length() != frame.length()) {
        throw new IllegalArgumentException(
            "worker "
                + link.peer
                + " gave "
                + got.length()
                + " values to "
                + got.call()
                + " #"
                + got.seq()
                + " where this worker gave "
                + frame.length());
      }
      if (got.values() != frame.values()) {
        throw new IllegalStateException(
            "worker "
                + link.peer
                + " sent "
                + got.values()
                + " values where "
                + frame.values()
                + " were due");
      }
    }

    @Override
    boolean writes() {
      return false;
    }
  }
}
