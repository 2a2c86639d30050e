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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.runtime.actor.ActorDiedException;
import io.sparkair.runtime.actor.ActorNotFoundException;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.transport.RemoteCallException;
import io.sparkair.runtime.transport.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ActorRuntimeTest {
  private final Secret secret = Secret.generate();
  private AirRuntime head;
  private AirRuntime worker;

  @BeforeEach
  void start() {
    head = AirRuntime.start(RuntimeConfig.forNode("driver", secret).cpus(2));
    worker = AirRuntime.start(RuntimeConfig.forNode("1", secret).head(head.address()).cpus(2));
  }

  @AfterEach
  void stop() {
    worker.close();
    head.close();
  }

  private static Throwable cause(CompletableFuture<?> f) {
    CompletionException e = assertThrows(CompletionException.class, f::join);
    return e.getCause();
  }

  @Test
  void registersBothNodes() {
    assertEquals(
        List.of("driver", "1"),
        head.nodes().stream().map(n -> n.nodeId()).collect(Collectors.toList()));
  }

  @Test
  void callsRunInOrderLocallyAndRemotely() {
    for (String node : List.of("driver", "1")) {
      ActorRef<Counter> c = head.spawn(Counter::new, SpawnOptions.defaults().onNode(node));
      assertEquals(node, c.node());
      List<CompletableFuture<Long>> results = new ArrayList<>();
      for (long i = 1; i <= 2000; i++) {
        if (i % 3 == 0) {
          long x = i;
          c.tell(a -> a.add(x));
        } else {
          results.add(c.call(Counter::add, i));
        }
      }
      List<Long> seen = c.call(Counter::seen).join();
      assertEquals(LongStream.rangeClosed(1, 2000).boxed().collect(Collectors.toList()), seen);
      assertEquals(2000L * 2001 / 2, (long) c.call(Counter::add, 0L).join());
      long previous = 0;
      for (CompletableFuture<Long> r : results) {
        assertTrue(r.join() > previous, "results grow in call order");
        previous = r.join();
      }
    }
  }

  @Test
  void asyncCallsAnswerWhenTheirStageCompletesWithoutBlockingTheMailbox() {
    for (String node : List.of("driver", "1")) {
      ActorRef<Counter> c = head.spawn(Counter::new, SpawnOptions.defaults().onNode(node));
      CompletableFuture<Long> first = c.callAsync(Counter::arrive, 3L);
      CompletableFuture<Long> second = c.callAsync(Counter::arrive, 3L);
      assertEquals(5L, (long) c.call(Counter::add, 5L).join(), "the mailbox goes on");
      assertTrue(!first.isDone() && !second.isDone(), "two of three parties arrived");
      assertEquals(3L, (long) c.callAsync(Counter::arrive, 3L).join());
      assertEquals(3L, (long) first.join());
      assertEquals(3L, (long) second.join());
      Throwable e = cause(c.callAsync(Counter::failLater, "later"));
      assertInstanceOf(IllegalStateException.class, e, node);
      assertEquals("later", e.getMessage());
    }
  }

  @Test
  void actorExceptionKeepsTypeAndRemoteStackTrace() {
    ActorRef<Counter> c = head.spawn(Counter::new, SpawnOptions.defaults().onNode("1"));
    Throwable error = cause(c.call(Counter::fail, "boom"));
    assertInstanceOf(IllegalStateException.class, error);
    assertEquals("boom", error.getMessage());
    assertTrue(
        List.of(error.getStackTrace()).stream()
            .anyMatch(
                f ->
                    f.getMethodName().equals("fail")
                        && f.getClassName().equals(Counter.class.getName())),
        "the remote frame Counter.fail is in the stack trace");
    assertEquals(1L, (long) c.call(Counter::add, 1L).join(), "the actor survives its exception");
  }

  @Test
  void namedLookupAndUnknownName() {
    head.spawn(Counter::new, SpawnOptions.defaults().name("counter").onNode("1"));
    ActorRef<Counter> found = worker.actor("counter");
    assertEquals(5L, (long) found.call(Counter::add, 5L).join());
    ActorNotFoundException e =
        assertThrows(ActorNotFoundException.class, () -> worker.actor("nope"));
    assertTrue(e.getMessage().contains("nope"));
    assertThrows(
        IllegalArgumentException.class,
        () -> head.spawn(Counter::new, SpawnOptions.defaults().name("counter")));
  }

  @Test
  void killedActorFailsPendingAndLaterCalls() throws Exception {
    ActorRef<Counter> c = head.spawn(Counter::new, SpawnOptions.defaults().onNode("1"));
    CompletableFuture<Long> sleeping = c.call(Counter::sleep, 10_000L);
    CompletableFuture<Long> queued = c.call(Counter::add, 1L);
    Thread.sleep(200);
    c.kill();
    assertInstanceOf(ActorDiedException.class, cause(sleeping));
    assertInstanceOf(ActorDiedException.class, cause(queued));
    ActorDiedException later =
        assertInstanceOf(ActorDiedException.class, cause(c.call(Counter::add, 1L)));
    assertTrue(later.getMessage().contains("#" + c.id()), later.getMessage());
  }

  @Test
  void aBrokenStreamToALiveNodeDoesNotStallSpawningThere() {
    ActorRef<Counter> before = head.spawn(Counter::new, SpawnOptions.defaults().onNode("1"));
    assertEquals(1L, (long) before.call(Counter::add, 1L).join());
    head.addressLost(worker.address());
    long start = System.nanoTime();
    ActorRef<Counter> after = head.spawn(Counter::new, SpawnOptions.defaults().onNode("1"));
    assertEquals(2L, (long) after.call(Counter::add, 2L).join());
    assertEquals(2L, (long) before.call(Counter::add, 1L).join(), "the first actor is fine too");
    assertTrue(
        System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2),
        "no wait on a lookup of the node's own host service");
    assertEquals(2, head.nodes().size(), "the live node was not declared lost");
  }

  @Test
  void placesActorsWhereTheirBlocksLive() {
    for (String node : List.of("1", "driver", "1")) {
      ActorRef<Counter> c =
          head.spawn(
              Counter::new,
              SpawnOptions.defaults()
                  .nearBlocks(
                      List.of(
                          new BlockId(node, "a"),
                          new BlockId(node, "b"),
                          new BlockId("other", "c"))));
      assertEquals(node, c.node());
    }
  }

  @Test
  void sameJvmCallsAreNotSerializedButRemoteOnesAre() {
    Object notSerializable = new Object();
    ActorRef<Counter> local = head.spawn(Counter::new, SpawnOptions.defaults().onNode("driver"));
    assertEquals(1L, (long) local.call(a -> a.add(notSerializable == null ? 0 : 1)).join());
    ActorRef<Counter> remote = head.spawn(Counter::new, SpawnOptions.defaults().onNode("1"));
    Throwable e = cause(remote.call(a -> a.add(notSerializable == null ? 0 : 1)));
    assertInstanceOf(RemoteCallException.class, e);
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
  }

  @Test
  void impossibleResourcesFailAtOnce() {
    IllegalArgumentException tooMany =
        assertThrows(
            IllegalArgumentException.class,
            () -> head.spawn(Counter::new, SpawnOptions.defaults().cpus(64)));
    assertTrue(
        tooMany.getMessage().contains("64.0") && tooMany.getMessage().contains("2"),
        tooMany.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> head.spawn(Counter::new, SpawnOptions.defaults().gpus(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> head.spawn(Counter::new, SpawnOptions.defaults().onNode("42")));
    head.spawn(Counter::new, SpawnOptions.defaults().cpus(2).onNode("1"));
    head.spawn(Counter::new, SpawnOptions.defaults().cpus(2).onNode("driver"));
    IllegalStateException busy =
        assertThrows(
            IllegalStateException.class,
            () -> head.spawn(Counter::new, SpawnOptions.defaults().cpus(1)));
    assertTrue(busy.getMessage().contains("free"), busy.getMessage());
  }

  @Test
  void constructorFailureIsReported() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                head.spawn(
                    () -> {
                      throw new IllegalStateException("bad constructor");
                    },
                    SpawnOptions.defaults().onNode("1")));
    assertEquals("bad constructor", e.getMessage());
  }

  @Test
  void oversizedMessageFailsClearly() {
    AirRuntime small =
        AirRuntime.start(
            RuntimeConfig.forNode("2", secret).head(head.address()).maxMessageBytes(4096));
    try {
      head.spawn(Counter::new, SpawnOptions.defaults().onNode("driver").name("target"));
      ActorRef<Counter> viaSmall = small.actor("target");
      byte[] big = new byte[10_000];
      Throwable e = cause(viaSmall.call((Counter a) -> a.add(big.length)));
      assertInstanceOf(RemoteCallException.class, e);
      assertTrue(e.getMessage().contains("4096"), e.getMessage());
    } finally {
      small.close();
    }
  }

  @Test
  void lostNodeFailsPendingCallsAndRestartsActorElsewhere() throws Exception {
    AirRuntime doomed =
        AirRuntime.start(RuntimeConfig.forNode("3", secret).head(head.address()).cpus(1));
    ActorRef<Counter> c =
        head.spawn(
            Counter::new, SpawnOptions.defaults().name("phoenix").onNode("3").maxRestarts(1));
    ActorRef<Counter> once = head.spawn(Counter::new, SpawnOptions.defaults().onNode("3"));
    assertEquals(1L, (long) c.call(Counter::add, 1L).join());
    CompletableFuture<Long> pending = c.call(Counter::sleep, 30_000L);
    Thread.sleep(200);
    doomed.close();
    ActorDiedException died = assertInstanceOf(ActorDiedException.class, cause(pending));
    assertTrue(
        died.getMessage().contains("phoenix") && died.getMessage().contains("3"),
        died.getMessage());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Long fresh = null;
    while (fresh == null && System.nanoTime() < deadline) {
      try {
        fresh = c.call(Counter::add, 10L).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        Thread.sleep(100);
      }
    }
    assertEquals(10L, fresh, "the restarted actor starts from fresh state");
    assertNotEquals("3", c.node());
    assertEquals(c.node(), worker.actor("phoenix").node());
    assertInstanceOf(ActorDiedException.class, cause(once.call(Counter::add, 1L)));
  }
}
