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

import io.sparkair.bench.Runs;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.RuntimeConfig;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.BlockReader;
import io.sparkair.runtime.store.BlockWriter;
import io.sparkair.runtime.transport.Secret;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Measures the actor runtime between two JVMs on loopback, each figure beside its peer measured in
 * the same run: same-JVM call overhead against a plain executor hand-off, remote synchronous and
 * pipelined calls against raw sockets with 100-byte messages, and a block fetched over Arrow Flight
 * against reading the same block locally and against Arrow's own FlightServer and FlightClient
 * serving it from the same JVM.
 *
 * <p>Run: {@code mvn -B -pl actor-runtime -Pbench test-compile exec:exec}; pass section names
 * ({@code local sync pipelined flight}) as {@code -Dbench.sections="sync flight"} to run only
 * those.
 */
public final class RuntimeBenchmark {
  static final int MESSAGE_BYTES = 100;
  private static final int WINDOW = 256;

  private static int[] plainFlightPorts;

  private RuntimeBenchmark() {}

  /** The benchmark's actor: echoes a payload, like the raw socket peer. */
  public static final class Echo {
    public byte[] echo(byte[] payload) {
      return payload;
    }

    public long add(long x) {
      return x + 1;
    }
  }

  /** Holds and reads blocks in the worker JVM. */
  public static final class BlockHolder {
    public BlockId make(long rows) {
      return writeBlock(rows);
    }

    /** Sums the block locally; returns {nanos, bytes}. */
    public long[] readLocally(BlockId id) {
      long start = System.nanoTime();
      double sum;
      try (BlockReader r = AirRuntime.current().store().read(id)) {
        sum = sumAll(r);
      }
      long nanos = System.nanoTime() - start;
      return new long[] {nanos, AirRuntime.current().store().bytes(id), (long) sum};
    }
  }

  private static final int COLUMNS = 8;
  private static final int BATCH_ROWS = Integer.getInteger("bench.batchRows", 64_512);

  static BlockId writeBlock(long rows) {
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < COLUMNS; c++) {
      fields.add(
          Field.nullable("c" + c, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    }
    try (BlockWriter w = AirRuntime.current().store().writer(new Schema(fields))) {
      long done = 0;
      while (done < rows) {
        int n = (int) Math.min(BATCH_ROWS, rows - done);
        for (FieldVector v : w.root().getFieldVectors()) {
          Float8Vector d = (Float8Vector) v;
          d.allocateNew(n);
          for (int i = 0; i < n; i++) {
            d.set(i, done + i);
          }
        }
        w.root().setRowCount(n);
        w.writeBatch();
        done += n;
      }
      return w.commit();
    }
  }

  static double sumAll(BlockReader r) {
    double sum = 0;
    while (r.loadNext()) {
      sum += sumColumns(r.root());
    }
    return sum;
  }

  static double sumColumns(org.apache.arrow.vector.VectorSchemaRoot root) {
    double sum = 0;
    for (FieldVector v : root.getFieldVectors()) {
      Float8Vector d = (Float8Vector) v;
      int n = d.getValueCount();
      for (int i = 0; i < n; i++) {
        sum += d.getDataBuffer().getDouble((long) i * 8);
      }
    }
    return sum;
  }

  public static void main(String[] args) throws Exception {
    Secret secret = Secret.generate();
    try (AirRuntime head = AirRuntime.start(RuntimeConfig.forNode("driver", secret).cpus(1))) {
      Process worker =
          new ProcessBuilder(javaCommand(BenchWorker.class, head.address(), secret.value()))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int echoPort = -1;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("FLIGHT_PORTS=")) {
            plainFlightPorts =
                Arrays.stream(line.substring("FLIGHT_PORTS=".length()).split(","))
                    .mapToInt(Integer::parseInt)
                    .toArray();
          }
          if (line.startsWith("ECHO_PORT=")) {
            echoPort = Integer.parseInt(line.substring("ECHO_PORT=".length()));
            break;
          }
        }
        if (echoPort < 0) {
          throw new IllegalStateException("the worker JVM did not start");
        }
        run(
            head,
            echoPort,
            args.length == 0
                ? List.of("local", "sync", "pipelined", "flight")
                : List.of(String.join(" ", args).trim().split("\\s+")));
      } finally {
        worker.getOutputStream().close();
        worker.waitFor(10, TimeUnit.SECONDS);
        worker.destroyForcibly();
      }
    }
  }

  /** The command line of a JVM like this one running {@code main} with {@code args}. */
  static List<String> javaCommand(Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    cmd.addAll(Arrays.asList(System.getProperty("air.jvm.options", "").trim().split("\\s+")));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(Arrays.asList(args));
    cmd.removeIf(String::isEmpty);
    return cmd;
  }

  private static void run(AirRuntime head, int echoPort, List<String> sections) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %s, %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));

    ActorRef<Echo> local = head.spawn(Echo::new, SpawnOptions.defaults().onNode("driver"));
    ActorRef<Echo> remote = head.spawn(Echo::new, SpawnOptions.defaults().onNode("1"));
    byte[] payload = new byte[MESSAGE_BYTES];

    if (sections.contains("local")) {
      sameJvm(local);
    }
    if (sections.contains("sync")) {
      remoteSync(remote, payload, echoPort);
    }
    if (sections.contains("pipelined")) {
      remotePipelined(remote, payload, echoPort);
    }
    if (sections.contains("flight")) {
      flight(head);
    }
  }

  private static void sameJvm(ActorRef<Echo> local) {
    // same-JVM call overhead against a single-thread executor hand-off
    Echo direct = new Echo();
    ExecutorService single = Executors.newSingleThreadExecutor();
    long[] actorNs = new long[200_000];
    long[] executorNs = new long[200_000];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < actorNs.length; i++) {
        long t = System.nanoTime();
        local.call(Echo::add, (long) i).join();
        actorNs[i] = System.nanoTime() - t;
      }
      for (int i = 0; i < executorNs.length; i++) {
        long x = i;
        long t = System.nanoTime();
        CompletableFuture.supplyAsync(() -> direct.add(x), single).join();
        executorNs[i] = System.nanoTime() - t;
      }
    }
    single.shutdown();
    double actorMedian = median(actorNs) / 1000.0;
    double executorMedian = median(executorNs) / 1000.0;
    System.out.printf(
        Locale.ROOT,
        "same-JVM call: median %.2f us (p99 %.2f us); executor hand-off peer %.2f us; "
            + "ratio %.2fx the peer's latency%n",
        actorMedian,
        percentile(actorNs, 0.99) / 1000.0,
        executorMedian,
        actorMedian / executorMedian);
  }

  private static void remoteSync(ActorRef<Echo> remote, byte[] payload, int echoPort)
      throws Exception {
    // remote synchronous round trips against raw sockets
    int rounds = Integer.getInteger("bench.rounds", 5);
    double[] socket = socketSync(echoPort, rounds);
    double[] actor = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      int n = 30_000;
      long t = System.nanoTime();
      for (int i = 0; i < n; i++) {
        remote.call(Echo::echo, payload).join();
      }
      actor[round] = n / ((System.nanoTime() - t) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "remote sync: %s; raw socket ping-pong peer %s; ratio of medians %.2f%n",
        rates(actor),
        rates(socket),
        median(actor) / median(socket));
  }

  private static void remotePipelined(ActorRef<Echo> remote, byte[] payload, int echoPort)
      throws Exception {
    // remote pipelined calls (256 in flight) against raw sockets pipelined the same way
    int rounds = Integer.getInteger("bench.rounds", 5);
    double[] socket = socketPipelined(echoPort, rounds);
    double[] actor = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      int n = 500_000;
      Semaphore window = new Semaphore(WINDOW);
      AtomicLong done = new AtomicLong();
      long t = System.nanoTime();
      for (int i = 0; i < n; i++) {
        window.acquire();
        remote
            .call(Echo::echo, payload)
            .whenComplete(
                (r, e) -> {
                  done.incrementAndGet();
                  window.release();
                });
      }
      window.acquire(WINDOW);
      actor[round] = n / ((System.nanoTime() - t) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "remote pipelined (%d in flight): %s; raw socket peer %s; ratio of medians %.2f%n",
        WINDOW,
        rates(actor),
        rates(socket),
        median(actor) / median(socket));
  }

  private static void flight(AirRuntime head) {
    // Flight transfer against Arrow's own Flight in three settings and reading the block locally
    ActorRef<BlockHolder> holder =
        head.spawn(BlockHolder::new, SpawnOptions.defaults().onNode("1"));
    BlockId id = holder.call(BlockHolder::make, 4L * BATCH_ROWS * 16).join();
    String address =
        head.nodes().stream()
            .filter(n -> n.nodeId().equals("1"))
            .findFirst()
            .orElseThrow()
            .address();
    long[] first = holder.call(h -> h.readLocally(id)).join();
    long bytes = first[1];
    long expectedSum = first[2];
    int rounds = Integer.getInteger("bench.rounds", 5);
    PlainFlight.Setting[] settings = PlainFlight.Setting.values();
    long[][] plainNs = new long[settings.length][rounds];
    long[] fetchNs = new long[rounds];
    long[] localNs = new long[rounds];
    for (int round = 0; round < rounds; round++) {
      for (int s = 0; s < settings.length; s++) {
        plainNs[s][round] = plainFetch(settings[s], plainFlightPorts[s], id, expectedSum);
      }
      localNs[round] = holder.call(h -> h.readLocally(id)).join()[0];
      long t = System.nanoTime();
      double sum;
      try (BlockReader r = head.fetcher().fetch(address, id)) {
        sum = sumAll(r);
      }
      fetchNs[round] = System.nanoTime() - t;
      if ((long) sum != expectedSum) {
        throw new IllegalStateException("fetched block differs: " + sum + " vs " + expectedSum);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "flight: a %.0f MB block in batches of %,d rows, fetched and summed; GB/s as median"
            + " [min-max] of %d rounds%n",
        bytes / 1e6,
        BATCH_ROWS,
        rounds);
    double best = 0;
    for (int s = 0; s < settings.length; s++) {
      double median = bytes / median(plainNs[s]);
      best = Math.max(best, median);
      System.out.printf(
          Locale.ROOT, "  plain Arrow Flight, %s: %s%n", settings[s], gbs(bytes, plainNs[s]));
    }
    double ours = bytes / median(fetchNs);
    System.out.printf(
        Locale.ROOT,
        "  runtime block fetch: %s; %.2fx the best plain Flight; local read %s%n",
        gbs(bytes, fetchNs),
        ours / best,
        gbs(bytes, localNs));
  }

  private static long plainFetch(PlainFlight.Setting setting, int port, BlockId id, long expected) {
    long t = System.nanoTime();
    try (RootAllocator alloc = new RootAllocator();
        FlightClient client = PlainFlight.client(alloc, setting, port);
        FlightStream stream =
            client.getStream(new Ticket(id.toString().getBytes(StandardCharsets.UTF_8)))) {
      double sum = 0;
      while (stream.next()) {
        sum += sumColumns(stream.getRoot());
      }
      if ((long) sum != expected) {
        throw new IllegalStateException("plain Flight read " + sum + ", expected " + expected);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - t;
  }

  private static String gbs(long bytes, long[] nanos) {
    return Runs.of(Arrays.stream(nanos).asDoubleStream().toArray())
            .map(t -> bytes / t)
            .describe("%.2f")
        + " GB/s";
  }

  static double median(long[] values) {
    return percentile(values, 0.5);
  }

  static double percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, sorted.length * p)];
  }

  private static double[] socketSync(int port, int rounds) throws Exception {
    double[] rates = new double[rounds];
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      OutputStream out = s.getOutputStream();
      byte[] msg = new byte[MESSAGE_BYTES];
      for (int round = 0; round < rounds; round++) {
        int n = 30_000;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
          out.write(msg);
          out.flush();
          in.readFully(msg);
        }
        rates[round] = n / ((System.nanoTime() - t) / 1e9);
      }
    }
    return rates;
  }

  private static double[] socketPipelined(int port, int rounds) throws Exception {
    double[] rates = new double[rounds];
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      for (int round = 0; round < rounds; round++) {
        int n = 500_000;
        Semaphore window = new Semaphore(WINDOW);
        Thread reader =
            new Thread(
                () -> {
                  byte[] reply = new byte[MESSAGE_BYTES];
                  try {
                    for (int i = 0; i < n; i++) {
                      in.readFully(reply);
                      window.release();
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        reader.start();
        byte[] msg = new byte[MESSAGE_BYTES];
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
          if (!window.tryAcquire()) {
            out.flush();
            window.acquire();
          }
          out.write(msg);
        }
        out.flush();
        reader.join();
        rates[round] = n / ((System.nanoTime() - t) / 1e9);
      }
    }
    return rates;
  }

  /** Calls per second over rounds. */
  private static String rates(double[] values) {
    return Runs.of(values).describe("%.0f") + " calls/s";
  }

  private static double median(double[] values) {
    return Runs.of(values).median();
  }
}
