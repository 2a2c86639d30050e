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
 * The bandwidth-optimal all-reduce for large arrays: the array is cut into one chunk per worker
 * (sizes differing by at most one value); in a reduce-scatter each chunk travels once around the
 * ring of workers gathering every worker's values, then an all-gather carries each finished chunk
 * around once more. Every worker sends and receives 2(P-1)/P of the array; each chunk's sum is made
 * once, in ring order, and copied, so every worker ends with the same bits.
 */
final class Ring {
  private Ring() {}

  static void allReduce(Round r) throws Exchange.PeerLost {
    int right = r.around(1);
    int left = r.around(-1);
    Elements values = r.elements;
    for (int step = 0; step < r.size - 1; step++) {
      int out = r.around(-step);
      int in = r.around(-step - 1);
      r.run(
          r.send(right, values, start(r, out), count(r, out)),
          r.receive(left, values, start(r, in), count(r, in), true));
    }
    for (int step = 0; step < r.size - 1; step++) {
      int out = r.around(1 - step);
      int in = r.around(-step);
      r.run(
          r.send(right, values, start(r, out), count(r, out)),
          r.receive(left, values, start(r, in), count(r, in), false));
    }
  }

  private static int start(Round r, int chunk) {
    return (int) ((long) chunk * r.elements.length() / r.size);
  }

  private static int count(Round r, int chunk) {
    return start(r, chunk + 1) - start(r, chunk);
  }
}
