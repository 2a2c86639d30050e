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

import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.BlockReader;
import io.sparkair.runtime.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The benchmark's Flight peer: Arrow's own FlightServer with default settings, serving the worker
 * store's blocks the textbook way (poll isReady before every batch).
 */
final class PlainFlight implements AutoCloseable {
  private final BufferAllocator allocator = new RootAllocator();
  private final FlightServer server;

  PlainFlight(ObjectStore store) throws Exception {
    server =
        FlightServer.builder(
                allocator,
                Location.forGrpcInsecure("127.0.0.1", 0),
                new NoOpFlightProducer() {
                  @Override
                  public void getStream(
                      CallContext context, Ticket ticket, ServerStreamListener listener) {
                    BlockId id =
                        BlockId.parse(new String(ticket.getBytes(), StandardCharsets.UTF_8));
                    try (BlockReader reader = store.read(id)) {
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
                })
            .build()
            .start();
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() throws Exception {
    server.close();
    allocator.close();
  }
}
