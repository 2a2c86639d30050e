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
package io.sparkair.runtime.store;

import io.grpc.BindableService;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightGrpcUtils;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.auth.ServerAuthHandler;

/**
 * Serves the store's blocks to other runtimes over Arrow Flight: a {@code DoGet} whose ticket is a
 * block id streams that block's record batches without copying them.
 */
public final class BlockFlightService extends NoOpFlightProducer {
  private static final long READY_POLL_NANOS = 20_000;

  /**
   * Batches queued beyond the point where the stream last reported ready. gRPC reports ready only
   * when under 32 KiB is queued, so waiting for it before every batch sends batches stop-and-wait;
   * queued zero-copy batches reference the pinned block and cost no memory.
   */
  private static final int BATCHES_AHEAD = 2;

  private final ObjectStore store;
  private final ExecutorService executor;

  private BlockFlightService(ObjectStore store, ExecutorService executor) {
    this.store = store;
    this.executor = executor;
  }

  /** The gRPC service to serve beside the runtime's other services. */
  public static BindableService create(ObjectStore store, ExecutorService executor) {
    return FlightGrpcUtils.createFlightService(
        store.allocator(),
        new BlockFlightService(store, executor),
        ServerAuthHandler.NO_OP,
        executor);
  }

  /** The ticket that names a block. */
  static Ticket ticket(BlockId id) {
    return new Ticket(id.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Streams on the Flight executor, not on the caller's (network) thread: waiting for the stream to
   * become ready must not block the event loop that makes it ready.
   */
  /** Waits until the stream can take more; false if the client cancelled. */
  private static boolean awaitReady(ServerStreamListener listener) {
    while (!listener.isReady()) {
      if (listener.isCancelled()) {
        return false;
      }
      LockSupport.parkNanos(READY_POLL_NANOS);
    }
    return true;
  }

  @Override
  public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
    executor.execute(() -> stream(ticket, listener));
  }

  private void stream(Ticket ticket, ServerStreamListener listener) {
    BlockId id;
    BlockReader reader;
    try {
      id = BlockId.parse(new String(ticket.getBytes(), StandardCharsets.UTF_8));
      reader = store.read(id);
    } catch (BlockNotFoundException | IllegalArgumentException e) {
      listener.error(CallStatus.NOT_FOUND.withDescription(e.getMessage()).toRuntimeException());
      return;
    }
    try (reader) {
      listener.setUseZeroCopy(true);
      listener.start(reader.root());
      int ahead = 0;
      while (reader.loadNext()) {
        if (listener.isReady()) {
          ahead = 0;
        }
        if (ahead >= BATCHES_AHEAD && !awaitReady(listener)) {
          return;
        }
        listener.putNext();
        ahead++;
      }
      if (awaitReady(listener)) {
        listener.completed();
      }
    } catch (RuntimeException e) {
      listener.error(
          CallStatus.INTERNAL
              .withDescription("streaming block failed: " + e)
              .withCause(e)
              .toRuntimeException());
    }
  }
}
