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
package io.sparkair.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.BlockNotFoundException;
import io.sparkair.runtime.store.BlockReader;
import io.sparkair.runtime.transport.ByteArrayMarshaller;
import io.sparkair.runtime.transport.RemoteCallException;
import io.sparkair.runtime.transport.Secret;
import java.io.DataInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightGrpcUtils;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportSecurityAndFlightTest {
  private final Secret secret = Secret.generate();
  private AirRuntime head;
  private AirRuntime worker;

  @BeforeEach
  void start() {
    head = AirRuntime.start(RuntimeConfig.forNode("driver", secret));
    worker = AirRuntime.start(RuntimeConfig.forNode("1", secret).head(head.address()));
  }

  @AfterEach
  void stop() {
    worker.close();
    head.close();
  }

  private ManagedChannel channel(String secretValue) {
    return channel(worker.address(), secretValue);
  }

  private static ManagedChannel channel(String address, String secretValue) {
    String[] hostPort = address.split(":");
    ManagedChannelBuilder<?> b =
        ManagedChannelBuilder.forAddress(hostPort[0], Integer.parseInt(hostPort[1])).usePlaintext();
    if (secretValue != null) {
      Metadata headers = new Metadata();
      headers.put(Secret.HEADER, secretValue);
      b.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return b.build();
  }

  @Test
  void flightFetchMovesBlockBetweenRuntimes() {
    BlockId id = ObjectStoreTest.write(worker.store(), 0, 4, 10_000);
    try (BlockReader r = head.fetcher().fetch(worker.address(), id)) {
      assertEquals(39_999L * 40_000 / 2, ObjectStoreTest.checkedSum(r));
    }
    try (BlockReader r = head.fetcher().fetch(worker.address(), id)) {
      assertEquals(4, ObjectStoreTest.batches(r), "the block's batches, as written");
    }
    BlockId copy = head.fetcher().copyToLocal(worker.address(), id);
    assertEquals("driver", copy.node());
    assertEquals(40_000, head.store().rows(copy));
    assertThrows(
        BlockNotFoundException.class,
        () -> head.fetcher().fetch(worker.address(), new BlockId("1", "missing")));
  }

  @Test
  void callsWithoutTheSecretAreRefused() throws Exception {
    for (String wrong : new String[] {null, "not-the-secret"}) {
      ManagedChannel ch = channel(wrong);
      try (RootAllocator alloc = new RootAllocator();
          FlightClient flight = FlightGrpcUtils.createFlightClientWithSharedChannel(alloc, ch)) {
        BlockId id = ObjectStoreTest.write(worker.store(), 0, 1, 10);
        FlightRuntimeException e =
            assertThrows(
                FlightRuntimeException.class,
                () -> {
                  try (FlightStream s =
                      flight.getStream(
                          new Ticket(id.toString().getBytes(StandardCharsets.UTF_8)))) {
                    s.next();
                  }
                });
        assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code());

        StatusRuntimeException raw =
            assertThrows(
                StatusRuntimeException.class,
                () -> unary(ch, "sparkair.Runtime/Connect", new byte[] {2, 0, 0}));
        assertEquals(Status.Code.UNAUTHENTICATED, raw.getStatus().getCode());
        assertTrue(raw.getStatus().getDescription().contains("secret"));
      } finally {
        ch.shutdownNow();
      }
    }
  }

  @Test
  void theCallPortIsToldOnlyWithTheSecretAndRefusesAWrongProof() throws Exception {
    ManagedChannel wrong = channel("not-the-secret");
    ManagedChannel right = channel(secret.value());
    try {
      StatusRuntimeException refused =
          assertThrows(StatusRuntimeException.class, () -> callPort(wrong));
      assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
      int port = callPort(right);
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(5000);
        DataInputStream in = new DataInputStream(s.getInputStream());
        in.readFully(new byte[32]);
        s.getOutputStream().write(new byte[32]);
        s.getOutputStream().flush();
        assertEquals(-1, in.read(), "a wrong proof closes the connection");
      }
    } finally {
      wrong.shutdownNow();
      right.shutdownNow();
    }
  }

  @Test
  void aRuntimeTakesCallsOnTheCallPortItIsGiven() throws Exception {
    int free;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    try (AirRuntime fixed =
        AirRuntime.start(RuntimeConfig.forNode("2", secret).head(head.address()).callPort(free))) {
      ManagedChannel ch = channel(fixed.address(), secret.value());
      try {
        assertEquals(free, callPort(ch));
      } finally {
        ch.shutdownNow();
      }
      ActorRef<Counter> counter = head.spawn(Counter::new, SpawnOptions.defaults().onNode("2"));
      assertEquals(5L, counter.call(Counter::add, 5L).join());
    }
  }

  private static int callPort(ManagedChannel channel) {
    return java.nio.ByteBuffer.wrap(unary(channel, "sparkair.Runtime/CallPort", new byte[0]))
        .getInt();
  }

  /** A raw unary call of {@code method} with {@code request} as its bytes. */
  private static byte[] unary(ManagedChannel channel, String method, byte[] request) {
    return io.grpc.stub.ClientCalls.blockingUnaryCall(
        channel,
        io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(method)
            .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
            .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
            .build(),
        io.grpc.CallOptions.DEFAULT,
        request);
  }

  @Test
  void runtimeWithAnotherSecretCannotJoin() {
    RemoteCallException e =
        assertThrows(
            RemoteCallException.class,
            () ->
                AirRuntime.start(
                    RuntimeConfig.forNode("2", Secret.generate()).head(head.address())));
    assertTrue(e.getMessage().contains("secret"), e.getMessage());
    assertEquals(2, head.nodes().size(), "the intruder did not register");
  }
}
