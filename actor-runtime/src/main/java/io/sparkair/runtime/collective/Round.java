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
 * One collective call as its algorithm sees it: this worker's rank among {@code size}, its array,
 * and the frames of the call to and from each peer.
 */
final class Round {
  final int rank;
  final int size;
  final Elements elements;
  private final Exchange exchange;
  private final Link[] links;
  private final Frame.Call call;
  private final long seq;

  Round(Exchange exchange, Link[] links, int rank, Frame.Call call, long seq, Elements elements) {
    this.exchange = exchange;
    this.links = links;
    this.rank = rank;
    this.size = links.length;
    this.call = call;
    this.seq = seq;
    this.elements = elements;
  }

  /** Sends {@code count} of {@code from}'s values from {@code index} to {@code peer}. */
  Transfer send(int peer, Elements from, int index, int count) {
    return Transfer.send(links[peer], frame(count), from, index);
  }

  /** Receives {@code count} values from {@code peer}, added to or set into {@code into}. */
  Transfer receive(int peer, Elements into, int index, int count, boolean add) {
    return Transfer.receive(links[peer], frame(count), into, index, add);
  }

  /** Runs the transfers at once, to their end. */
  void run(Transfer... transfers) throws Exchange.PeerLost {
    exchange.run(transfers);
  }

  /** The rank {@code steps} places after this one around the ring of workers. */
  int around(int steps) {
    return Math.floorMod(rank + steps, size);
  }

  private Frame frame(int count) {
    return new Frame(call, seq, elements.length(), count);
  }
}
