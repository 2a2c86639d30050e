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

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The header before every array (or part of one) a worker sends a peer: which collective call it
 * belongs to, so that workers making different calls fail naming the difference instead of mixing
 * their data. The values follow it as raw little-endian numbers.
 *
 * @param call what the sender is doing
 * @param seq the sender's count of collective calls, from 1
 * @param length the number of values of the sender's whole array
 * @param values the number of values that follow this header
 */
record Frame(Call call, long seq, long length, long values) {
  /** The bytes of a header on the wire. */
  static final int BYTES = 32;

  private static final int MAGIC = 0x41495243;

  /** The collective calls, with the width of their values. */
  enum Call {
    ALL_REDUCE_FLOAT("allReduce(float[])"),
    ALL_REDUCE_DOUBLE("allReduce(double[])"),
    BROADCAST_FLOAT("broadcast(float[])"),
    BROADCAST_DOUBLE("broadcast(double[])"),
    BARRIER("barrier()");

    private final String display;

    Call(String display) {
      this.display = display;
    }

    @Override
    public String toString() {
      return display;
    }
  }

  void writeTo(ByteBuffer dst) {
    dst.putInt(MAGIC).putInt(call.ordinal()).putLong(seq).putLong(length).putLong(values);
  }

  static Frame readFrom(ByteBuffer src, int peer) throws IOException {
    int magic = src.getInt();
    int call = src.getInt();
    if (magic != MAGIC || call < 0 || call >= Call.values().length) {
      throw new IOException("worker " + peer + " sent bytes that are not a collective's frame");
    }
    return new Frame(Call.values()[call], src.getLong(), src.getLong(), src.getLong());
  }
}
