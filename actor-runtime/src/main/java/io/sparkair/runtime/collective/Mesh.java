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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Connects a worker to every other worker of its group once, with one stream per pair: a worker
 * connects to the workers of lower rank and accepts the others, each showing the group's token and
 * its rank first.
 */
final class Mesh {
  private static final int HELLO_BYTES = 4 + 16;
  private static final int ACCEPT_POLL_MILLIS = 500;

  private Mesh() {}

  /** Listens on {@code host} for the peers of a group of {@code worldSize}. */
  static ServerSocketChannel listen(String host, int worldSize) {
    try {
      ServerSocketChannel server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(host, 0), worldSize);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("listening for collective peers on " + host, e);
    }
  }

  /**
   * The streams to every peer, by rank (null at {@code rank}); closes {@code server}.
   *
   * @throws CollectiveException when the group fails before every peer connected
   */
  static Link[] connect(
      int rank,
      ServerSocketChannel server,
      Roster roster,
      Supplier<CollectiveFailure> groupFailure) {
    int worldSize = roster.addresses().size();
    Link[] links = new Link[worldSize];
    try (server) {
      for (int peer = 0; peer < rank; peer++) {
        links[peer] = new Link(peer, dial(roster.addresses().get(peer), rank, roster.token()));
      }
      server.socket().setSoTimeout(ACCEPT_POLL_MILLIS);
      int accepted = 0;
      while (accepted < worldSize - 1 - rank) {
        SocketChannel channel;
        try {
          Socket socket = server.socket().accept();
          channel = socket.getChannel();
        } catch (SocketTimeoutException e) {
          CollectiveFailure failure = groupFailure.get();
          if (failure != null) {
            throw failure.toException();
          }
          continue;
        }
        int peer = greeted(channel, rank, worldSize, roster.token());
        if (peer < 0 || links[peer] != null) {
          channel.close();
          continue;
        }
        links[peer] = new Link(peer, channel);
        accepted++;
      }
      return links;
    } catch (IOException e) {
      for (Link link : links) {
        if (link != null) {
          link.close();
        }
      }
      throw new UncheckedIOException("connecting worker " + rank + " to its peers", e);
    }
  }

  private static SocketChannel dial(String address, int rank, byte[] token) throws IOException {
    int colon = address.lastIndexOf(':');
    SocketChannel channel =
        SocketChannel.open(
            new InetSocketAddress(
                address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
    channel.socket().setTcpNoDelay(true);
    ByteBuffer hello = ByteBuffer.allocate(HELLO_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    hello.putInt(rank).put(token).flip();
    while (hello.hasRemaining()) {
      channel.write(hello);
    }
    return channel;
  }

  /** The rank a connecting peer gives with the group's token, or -1 for a stranger. */
  private static int greeted(SocketChannel channel, int rank, int worldSize, byte[] token)
      throws IOException {
    channel.socket().setTcpNoDelay(true);
    channel.socket().setSoTimeout(10_000);
    byte[] hello = channel.socket().getInputStream().readNBytes(HELLO_BYTES);
    if (hello.length < HELLO_BYTES) {
      return -1;
    }
    ByteBuffer read = ByteBuffer.wrap(hello).order(ByteOrder.LITTLE_ENDIAN);
    int peer = read.getInt();
    byte[] shown = new byte[16];
    read.get(shown);
    boolean known = peer > rank && peer < worldSize && MessageDigest.isEqual(shown, token);
    return known ? peer : -1;
  }
}
