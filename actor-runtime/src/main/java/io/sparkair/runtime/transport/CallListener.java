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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts other runtimes' call connections ({@link FramedSocket}s) and serves each with the
 * runtime's inbound call stream. Its port is told to callers over the authenticated gRPC service.
 */
final class CallListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallListener.class);

  private final ServerSocket server;
  private final Secret secret;
  private final int maxFrameBytes;
  private final Function<StreamObserver<byte[]>, StreamObserver<byte[]>> inbound;
  private final Set<FramedSocket> open = ConcurrentHashMap.newKeySet();

  /**
   * Listens on {@code bindHost}, on {@code port} or any free port for 0.
   *
   * @param inbound given the stream replies go to, the observer of the calls that arrive
   */
  CallListener(
      String bindHost,
      int port,
      Secret secret,
      int maxFrameBytes,
      Function<StreamObserver<byte[]>, StreamObserver<byte[]>> inbound) {
    this.secret = secret;
    this.maxFrameBytes = maxFrameBytes;
    this.inbound = inbound;
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(bindHost, port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for calls on " + bindHost + ":" + port, e);
    }
    Thread acceptor = new Thread(this::acceptAll, "air-call-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      Thread serving =
          new Thread(() -> serve(socket), "air-call-in-" + socket.getRemoteSocketAddress());
      serving.setDaemon(true);
      serving.start();
    }
  }

  private void serve(Socket socket) {
    FramedSocket framed;
    try {
      framed = FramedSocket.accept(socket, secret, maxFrameBytes);
    } catch (IOException e) {
      LOG.warn(
          "refused a call connection from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      return;
    }
    open.add(framed);
    try {
      framed.read(inbound.apply(framed));
    } finally {
      open.remove(framed);
    }
  }

  /** Stops accepting and closes the connections accepted. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    open.forEach(FramedSocket::close);
  }
}
