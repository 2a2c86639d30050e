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
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One worker's persistent stream to one peer, non-blocking: the buffers its values go through and
 * the header of the peer's next frame once read. A frame is read whole before the next header, so
 * frames from one peer are taken in the order it sent them.
 */
final class Link implements AutoCloseable {
  /** The bytes values are written through and read through, per direction. */
  static final int BUFFER_BYTES = 1 << 18;

  final int peer;
  final SocketChannel channel;
  final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private final ByteBuffer header = ByteBuffer.allocate(Frame.BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private SelectionKey key;
  private Frame next;
  private boolean closed;

  Link(int peer, SocketChannel channel) {
    this.peer = peer;
    this.channel = channel;
  }

  void key(SelectionKey key) {
    this.key = key;
  }

  SelectionKey key() {
    return key;
  }

  /**
   * The peer's next frame header, reading what has arrived of it; null while it is incomplete.
   *
   * @throws EOFException when the peer closed its end
   */
  Frame nextFrame() throws IOException {
    if (next != null) {
      return next;
    }
    if (closed) {
      throw new EOFException("worker " + peer + " closed its stream");
    }
    if (channel.read(header) < 0) {
      closed = true;
      throw new EOFException("worker " + peer + " closed its stream");
    }
    if (header.hasRemaining()) {
      return null;
    }
    header.flip();
    next = Frame.readFrom(header, peer);
    header.clear();
    return next;
  }

  /** Takes the header {@link #nextFrame} returned: its values are read next. */
  void consumeFrame() {
    next = null;
  }

  /** Whether the peer's next header is read and waits for its values to be taken. */
  boolean frameWaiting() {
    return next != null;
  }

  /** Whether the peer's end of the stream was seen closed. */
  boolean closed() {
    return closed;
  }

  /**
   * Reads the header if one arrives, noting the end of the stream instead of failing: for a peer
   * this worker is not waiting on.
   */
  void peek() {
    try {
      nextFrame();
    } catch (IOException e) {
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
