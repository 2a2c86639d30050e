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

import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightGrpcUtils;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/** Fetches blocks from other runtimes' stores over Arrow Flight. */
public final class BlockFetcher {
  private final ObjectStore local;
  private final Function<String, ManagedChannel> channels;

  /**
   * @param local the store whose allocator receives fetched batches
   * @param channels the authenticated channel to a runtime, by address
   */
  public BlockFetcher(ObjectStore local, Function<String, ManagedChannel> channels) {
    this.local = local;
    this.channels = channels;
  }

  /**
   * Opens a remote block: its batches stream into this runtime's memory as the reader loads them
   * (the transport reads ahead up to its flow-control window), so reading overlaps the transfer.
   * Closing the reader frees them and ends the stream.
   *
   * @param address the owning runtime's address
   * @param id the block
   * @throws BlockNotFoundException when the runtime does not hold the block
   */
  public BlockReader fetch(String address, BlockId id) {
    FlightClient client =
        FlightGrpcUtils.createFlightClientWithSharedChannel(
            local.allocator(), channels.apply(address));
    FlightStream stream = null;
    try {
      stream = client.getStream(BlockFlightService.ticket(id));
      Schema schema = stream.getSchema();
      FlightStream opened = stream;
      return new BlockReader(
          schema,
          new StreamedBatches(stream, id, address),
          true,
          local.allocator(),
          () -> close(opened, client));
    } catch (RuntimeException e) {
      close(stream, client);
      throw failure(e, id, address);
    }
  }

  private static void close(FlightStream stream, FlightClient client) {
    if (stream != null) {
      AutoCloseables.closeNoChecked(stream);
    }
    AutoCloseables.closeNoChecked(client);
  }

  private static RuntimeException failure(RuntimeException e, BlockId id, String address) {
    if (e instanceof FlightRuntimeException f && f.status().code() == FlightStatusCode.NOT_FOUND) {
      return new BlockNotFoundException(id);
    }
    return CallStatus.INTERNAL
        .withDescription("fetching " + id + " from " + address + " failed")
        .withCause(e)
        .toRuntimeException();
  }

  /** A Flight stream's record batches, each taken out of the stream's root as it arrives. */
  private static final class StreamedBatches implements Iterator<ArrowRecordBatch> {
    private final FlightStream stream;
    private final VectorUnloader unloader;
    private final BlockId id;
    private final String address;
    private ArrowRecordBatch next;
    private boolean ended;

    StreamedBatches(FlightStream stream, BlockId id, String address) {
      this.stream = stream;
      this.unloader = new VectorUnloader(stream.getRoot());
      this.id = id;
      this.address = address;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !ended) {
        try {
          if (stream.next()) {
            next = unloader.getRecordBatch();
          } else {
            ended = true;
          }
        } catch (RuntimeException e) {
          ended = true;
          throw failure(e, id, address);
        }
      }
      return next != null;
    }

    @Override
    public ArrowRecordBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ArrowRecordBatch batch = next;
      next = null;
      return batch;
    }
  }

  /** Copies a remote block into this runtime's store, under a new id owned by this node. */
  public BlockId copyToLocal(String address, BlockId id) {
    List<ArrowRecordBatch> copies = new ArrayList<>();
    try (BlockReader reader = fetch(address, id)) {
      VectorUnloader unloader = new VectorUnloader(reader.root());
      while (reader.loadNext()) {
        copies.add(unloader.getRecordBatch());
      }
      return local.put(reader.schema(), copies);
    }
  }
}
