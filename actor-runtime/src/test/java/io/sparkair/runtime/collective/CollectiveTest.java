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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.RuntimeConfig;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.transport.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CollectiveTest {
  private static final Secret SECRET = Secret.generate();
  private static AirRuntime head;
  private static ExecutorService workers;

  @BeforeAll
  static void start() {
    head = AirRuntime.start(RuntimeConfig.forNode("driver", SECRET).cpus(1));
    workers = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() {
    workers.shutdownNow();
    head.close();
  }

  /** Worker {@code rank}'s deterministic values: not integers, so the order of sums shows. */
  static float[] values(int rank, int n) {
    SplittableRandom random = new SplittableRandom(rank * 7919L + n);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextDouble(-1000, 1000);
    }
    return v;
  }

  /** Runs {@code body} as every worker of a new group of {@code size}, each on its own thread. */
  private static <T> List<T> group(int size, WorkerBody<T> body) throws Exception {
    ActorRef<CollectiveGroup> group = CollectiveGroup.host(head, size);
    List<CompletableFuture<T>> running = new ArrayList<>();
    for (int r = 0; r < size; r++) {
      int rank = r;
      running.add(
          CompletableFuture.supplyAsync(
              () -> {
                try (Collective c = Collective.of(group, rank, size)) {
                  return body.run(c);
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              },
              workers));
    }
    List<T> results = new ArrayList<>();
    for (CompletableFuture<T> f : running) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    group.kill();
    return results;
  }

  private interface WorkerBody<T> {
    T run(Collective c) throws Exception;
  }

  @Test
  void allReduceGivesEveryWorkerTheSameBitsForEverySizeAndAlgorithm() throws Exception {
    for (int size : new int[] {2, 3, 4}) {
      // lengths below the worker count, uneven chunks, both algorithms
      int[] lengths = {0, 1, size - 1, 10, 7009, 16_385, 100_003};
      List<List<float[]>> all =
          group(
              size,
              c -> {
                List<float[]> mine = new ArrayList<>();
                for (int n : lengths) {
                  mine.add(c.allReduce(values(c.rank(), n)));
                }
                return mine;
              });
      for (int i = 0; i < lengths.length; i++) {
        int n = lengths[i];
        double[] expected = new double[n];
        for (int r = 0; r < size; r++) {
          float[] v = values(r, n);
          for (int j = 0; j < n; j++) {
            expected[j] += v[j];
          }
        }
        for (int r = 0; r < size; r++) {
          float[] got = all.get(r).get(i);
          assertArrayEquals(all.get(0).get(i), got, 0f, size + " workers, " + n + " values");
          for (int j = 0; j < n; j++) {
            assertEquals(expected[j], got[j], 1e-3, "value " + j + " of " + n);
          }
        }
      }
    }
  }

  @Test
  void doublesBroadcastAndBarrier() throws Exception {
    List<double[]> sums =
        group(
            3,
            c -> {
              double[] d = {c.rank() + 0.5, 1e-300 * c.rank()};
              c.barrier();
              c.allReduce(d);
              float[] model = c.rank() == 2 ? values(9, 30_000) : new float[30_000];
              c.broadcast(model, 2);
              assertArrayEquals(values(9, 30_000), model);
              c.barrier();
              return d;
            });
    for (double[] d : sums) {
      assertArrayEquals(new double[] {4.5, 3e-300}, d);
    }
  }

  @Test
  void aBarrierWaitsForTheLastWorker() throws Exception {
    long[] passed =
        group(
                4,
                c -> {
                  if (c.rank() == 3) {
                    Thread.sleep(300);
                  }
                  long t = System.nanoTime();
                  c.barrier();
                  return System.nanoTime() - t;
                })
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    assertTrue(passed[0] > 200_000_000L, "worker 0 waited for worker 3: " + passed[0] + " ns");
  }

  @Test
  void workersGivingArraysOfDifferentLengthsFailNamingTheLength() {
    Exception e =
        assertThrows(
            Exception.class, () -> group(2, c -> c.allReduce(new float[c.rank() == 0 ? 10 : 12])));
    assertTrue(
        e.getMessage().contains("values to allReduce(float[]) #1 where this worker gave"),
        e.getMessage());
  }

  @Test
  void aWorkerThatLeavesEarlyFailsTheOthersNamingIt() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                group(
                    3,
                    c -> {
                      c.allReduce(new float[100]);
                      if (c.rank() != 1) {
                        c.allReduce(new float[100]);
                      }
                      return c.rank();
                    }));
    assertTrue(e.getMessage().contains("worker 1 left the group"), e.getMessage());
  }

  @Test
  void aWorkerJvmKilledMidCollectiveFailsEveryPeerAtOnceNamingIt() throws Exception {
    int size = 4;
    ActorRef<CollectiveGroup> group = CollectiveGroup.host(head, size);
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    try {
      for (int r = 0; r < size; r++) {
        Process p =
            new ProcessBuilder(
                    CollectiveWorker.command(head.address(), SECRET, group.name(), r, size))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        processes.add(p);
        outputs.add(
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (int r = 0; r < size; r++) {
        assertEquals("READY " + r, outputs.get(r).readLine());
      }
      for (int r = 0; r < size; r++) {
        PrintWriter in = new PrintWriter(processes.get(r).getOutputStream(), true);
        in.println("check 100003");
      }
      String sum = outputs.get(0).readLine();
      for (int r = 1; r < size; r++) {
        assertEquals(sum, outputs.get(r).readLine(), "every JVM holds the same sum");
      }
      for (int r = 0; r < size; r++) {
        new PrintWriter(processes.get(r).getOutputStream(), true).println("loop 1000003");
      }
      for (int r = 0; r < size; r++) {
        assertTrue(outputs.get(r).readLine().startsWith("ROUND"));
      }
      processes.get(2).destroyForcibly();
      long killed = System.nanoTime();
      for (int r : new int[] {0, 1, 3}) {
        String line;
        do {
          line = outputs.get(r).readLine();
        } while (line != null && line.startsWith("ROUND"));
        double seconds = (System.nanoTime() - killed) / 1e9;
        assertTrue(
            line != null && line.startsWith("FAILED 2 worker 2 died"), "worker " + r + ": " + line);
        assertTrue(seconds < 5, "worker " + r + " failed " + seconds + " s after the kill");
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
      group.kill();
    }
  }
}
