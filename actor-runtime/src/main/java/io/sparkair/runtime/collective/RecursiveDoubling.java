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

/**
 * The latency-optimal all-reduce for small arrays: in log2(P) steps each worker swaps its whole
 * partial sum with the worker whose rank differs in one bit and adds it. With P not a power of two,
 * the workers above the largest power first fold their arrays into a lower partner and get the
 * result back from it at the end. Float addition commutes exactly, so both partners of a step hold
 * the same bits after it. An empty array makes it a barrier.
 */
final class RecursiveDoubling {
  private RecursiveDoubling() {}

  static void allReduce(Round r) throws Exchange.PeerLost {
    Elements values = r.elements;
    int n = values.length();
    int power = Integer.highestOneBit(r.size);
    int extras = r.size - power;
    if (r.rank >= power) {
      r.run(r.send(r.rank - power, values, 0, n));
      r.run(r.receive(r.rank - power, values, 0, n, false));
      return;
    }
    if (r.rank < extras) {
      r.run(r.receive(r.rank + power, values, 0, n, true));
    }
    Elements theirs = values.blank();
    for (int bit = 1; bit < power; bit <<= 1) {
      int partner = r.rank ^ bit;
      r.run(r.send(partner, values, 0, n), r.receive(partner, theirs, 0, n, false));
      values.add(theirs);
    }
    if (r.rank < extras) {
      r.run(r.send(r.rank + power, values, 0, n));
    }
  }
}
