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
import java.util.List;
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
   * Opens a remote block: its batches are streamed into this runtime's memory and read like a local
   * block. Closing the reader frees them.
   *
   * @param address the owning runtime's address
   * @param id the block
   */
  public BlockReader fetch(String address, BlockId id) {
    List<ArrowRecordBatch> batches = new ArrayList<>();
    FlightClient client =
        FlightGrpcUtils.createFlightClientWithSharedChannel(
            local.allocator(), channels.apply(address));
    Runnable free =
        () -> {
          batches.forEach(ArrowRecordBatch::close);
          AutoCloseables.closeNoChecked(client);
        };
    Schema schema;
    try (FlightStream stream = client.getStream(BlockFlightService.ticket(id))) {
      schema = stream.getSchema();
      VectorUnloader unloader = new VectorUnloader(stream.getRoot());
      while (stream.next()) {
        batches.add(unloader.getRecordBatch());
      }
    } catch (FlightRuntimeException e) {
      free.run();
      if (e.status().code() == FlightStatusCode.NOT_FOUND) {
        throw new BlockNotFoundException(id);
      }
      throw e;
    } catch (Exception e) {
      free.run();
      throw CallStatus.INTERNAL
          .withDescription("fetching " + id + " from " + address + " failed")
          .withCause(e)
          .toRuntimeException();
    }
    return new BlockReader(schema, batches, local.allocator(), free);
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
