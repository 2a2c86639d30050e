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
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Moves a step's frames (sends and receives with several peers at once) on the calling thread,
 * without blocking on any one stream: no thread hand-off, and two peers writing to each other
 * cannot deadlock. While it waits it also watches the other peers' streams, so a peer that dies
 * anywhere in the group is seen at once.
 */
final class Exchange implements AutoCloseable {
  /** How long it waits without progress before asking the group whether a worker failed. */
  private static final long POLL_MILLIS = 500;

  private final Selector selector;
  private final List<Link> links;
  private final Supplier<CollectiveFailure> groupFailure;

  /** A peer whose stream failed while this worker needed it. */
  static final class PeerLost extends Exception {
    private static final long serialVersionUID = 1L;
    final int peer;

    PeerLost(int peer, IOException cause) {
      super(cause.getMessage(), cause);
      this.peer = peer;
    }
  }

  Exchange(List<Link> links, Supplier<CollectiveFailure> groupFailure) {
    this.links = links;
    this.groupFailure = groupFailure;
    try {
      selector = Selector.open();
      for (Link link : links) {
        if (link != null) {
          link.channel.configureBlocking(false);
          link.key(link.channel.register(selector, 0, link));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the transfers to their end. */
  void run(Transfer... transfers) throws PeerLost {
    List<Transfer> open = new ArrayList<>(List.of(transfers));
    long idleSince = System.nanoTime();
    while (true) {
      boolean moved = false;
      for (int i = open.size() - 1; i >= 0; i--) {
        Transfer t = open.get(i);
        try {
          if (t.progress()) {
            open.remove(i);
            moved = true;
          }
        } catch (IOException e) {
          throw new PeerLost(t.link.peer, e);
        }
      }
      if (open.isEmpty()) {
        return;
      }
      if (moved) {
        idleSince = System.nanoTime();
      }
      awaitReady(open);
      if (System.nanoTime() - idleSince > POLL_MILLIS * 1_000_000L) {
        CollectiveFailure failure = groupFailure.get();
        if (failure != null) {
          throw failure.toException();
        }
        idleSince = System.nanoTime();
      }
    }
  }

  private void awaitReady(List<Transfer> open) {
    for (Link link : links) {
      if (link != null && link.key().isValid()) {
        link.key().interestOps(link.frameWaiting() || link.closed() ? 0 : SelectionKey.OP_READ);
      }
    }
    for (Transfer t : open) {
      SelectionKey key = t.link.key();
      if (key.isValid()) {
        key.interestOps(
            key.interestOps() | (t.writes() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ));
      }
    }
    try {
      selector.select(POLL_MILLIS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (SelectionKey key : selector.selectedKeys()) {
      Link link = (Link) key.attachment();
      if (key.isValid() && key.isReadable() && !receiving(open, link)) {
        link.peek();
      }
    }
    selector.selectedKeys().clear();
  }

  private static boolean receiving(List<Transfer> open, Link link) {
    for (Transfer t : open) {
      if (t.link == link && !t.writes()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      selector.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
