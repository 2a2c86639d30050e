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
package io.sparkair.data.bench;

import io.sparkair.data.BlockRef;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.bench.PlainFlight;
import io.sparkair.spark.AirSettings;
import io.sparkair.spark.TaskRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The same-run peer of remote {@code iterBatches}: Arrow's own Flight server (zero-copy writes, its
 * best setting here) started in each executor JVM over that executor's block store, and a plain
 * Flight client on the driver fetching the same blocks.
 */
final class PlainFlightPeers {
  /** This executor JVM's peer, started by the first task that asks. */
  private static PlainFlight peer;

  private PlainFlightPeers() {}

  private static synchronized String here(AirSettings settings) throws IOException {
    AirRuntime runtime = TaskRuntime.get(settings);
    if (peer == null) {
      peer = new PlainFlight(runtime.store());
    }
    return runtime.address() + "=" + peer.port(PlainFlight.Setting.ZERO_COPY);
  }

  /**
   * Starts a peer in every executor that runs one of {@code tasks} tasks.
   *
   * @return each executor runtime's address with its peer's port
   */
  static Map<String, Integer> start(SparkSession spark, AirSettings settings, int tasks) {
    List<String> found =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(IntStream.range(0, tasks).boxed().toList(), tasks)
            .map(i -> here(settings))
            .collect();
    Map<String, Integer> ports = new HashMap<>();
    for (String f : found) {
      int at = f.lastIndexOf('=');
      ports.put(f.substring(0, at), Integer.parseInt(f.substring(at + 1)));
    }
    return ports;
  }

  /** Fetches every block through the peer of the executor holding it and sums its doubles. */
  static double sum(Map<String, Integer> ports, List<BlockRef> blocks, BufferAllocator allocator)
      throws Exception {
    double sum = 0;
    Map<String, FlightClient> clients = new HashMap<>();
    try {
      for (BlockRef block : blocks) {
        Integer port = ports.get(block.address());
        if (port == null) {
          throw new IllegalStateException(
              "no plain Flight peer on " + block.address() + "; peers " + ports);
        }
        FlightClient client =
            clients.computeIfAbsent(
                block.address(),
                a -> PlainFlight.client(allocator, PlainFlight.Setting.ZERO_COPY, port));
        Ticket ticket = new Ticket(block.id().toString().getBytes(StandardCharsets.UTF_8));
        try (FlightStream stream = client.getStream(ticket)) {
          VectorSchemaRoot batch = stream.getRoot();
          while (stream.next()) {
            for (FieldVector v : batch.getFieldVectors()) {
              Float8Vector d = (Float8Vector) v;
              for (int i = 0; i < batch.getRowCount(); i++) {
                sum += d.getDataBuffer().getDouble((long) i * 8);
              }
            }
          }
        }
      }
    } finally {
      for (FlightClient c : clients.values()) {
        c.close();
      }
    }
    return sum;
  }
}
