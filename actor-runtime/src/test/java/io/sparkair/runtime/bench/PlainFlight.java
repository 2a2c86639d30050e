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
package io.sparkair.runtime.bench;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.BlockReader;
import io.sparkair.runtime.store.ObjectStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightGrpcUtils;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.auth.ServerAuthHandler;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The benchmark's Flight peers: Arrow's own Flight server and client serving the worker store's
 * blocks the textbook way (poll isReady before every batch), in three settings: Arrow's defaults;
 * zero-copy writes ({@code setUseZeroCopy}); and zero-copy writes with a 16 MiB HTTP/2 flow-control
 * window on both ends (what the runtime's own transport uses).
 */
public final class PlainFlight implements AutoCloseable {
  /** The settings a peer runs with. */
  public enum Setting {
    DEFAULTS,
    ZERO_COPY,
    ZERO_COPY_WIDE_WINDOW
  }

  private static final int WINDOW = 16 << 20;

  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final FlightServer plain;
  private final FlightServer zeroCopy;
  private final Server wide;

  /** Starts the three peers over {@code store}, on free loopback ports. */
  public PlainFlight(ObjectStore store) throws IOException {
    plain = FlightServer.builder(allocator, local(0), producer(store, false)).build().start();
    zeroCopy = FlightServer.builder(allocator, local(0), producer(store, true)).build().start();
    wide =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .flowControlWindow(WINDOW)
            .maxInboundMessageSize(Integer.MAX_VALUE)
            .addService(
                FlightGrpcUtils.createFlightService(
                    allocator, producer(store, true), ServerAuthHandler.NO_OP, executor))
            .build()
            .start();
  }

  private static Location local(int port) {
    return Location.forGrpcInsecure("127.0.0.1", port);
  }

  private static NoOpFlightProducer producer(ObjectStore store, boolean zeroCopy) {
    return new NoOpFlightProducer() {
      @Override
      public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
        BlockId id = BlockId.parse(new String(ticket.getBytes(), StandardCharsets.UTF_8));
        try (BlockReader reader = store.read(id)) {
          listener.setUseZeroCopy(zeroCopy);
          listener.start(reader.root());
          while (reader.loadNext()) {
            while (!listener.isReady()) {
              LockSupport.parkNanos(20_000);
            }
            listener.putNext();
          }
          listener.completed();
        }
      }
    };
  }

  /** The ports of the three peers, in {@link Setting} order, as one line for the benchmark. */
  public String ports() {
    return plain.getPort() + "," + zeroCopy.getPort() + "," + wide.getPort();
  }

  /** The port of the peer with {@code setting}. */
  public int port(Setting setting) {
    return switch (setting) {
      case DEFAULTS -> plain.getPort();
      case ZERO_COPY -> zeroCopy.getPort();
      case ZERO_COPY_WIDE_WINDOW -> wide.getPort();
    };
  }

  /** A client of the peer on {@code port} with {@code setting}'s client side. */
  public static FlightClient client(BufferAllocator allocator, Setting setting, int port) {
    if (setting != Setting.ZERO_COPY_WIDE_WINDOW) {
      return FlightClient.builder(allocator, local(port)).build();
    }
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port)
            .usePlaintext()
            .flowControlWindow(WINDOW)
            .maxInboundMessageSize(Integer.MAX_VALUE)
            .build();
    return FlightGrpcUtils.createFlightClient(allocator, channel);
  }

  @Override
  public void close() throws Exception {
    plain.close();
    zeroCopy.close();
    wide.shutdownNow().awaitTermination();
    executor.shutdownNow();
    allocator.close();
  }
}
