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

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.RuntimeConfig;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.collective.CollectiveGroup;
import io.sparkair.runtime.transport.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@code Collective.allReduce} between 2 and 4 worker JVMs on loopback, each figure beside
 * its peer between the same JVMs in the same run: for 64 bytes and the FarePredictor's 28,036
 * bytes, latency against one remote synchronous actor call (and a raw socket ping-pong); for 4 MB
 * and 64 MB, NCCL's bus bandwidth (algorithm bandwidth × 2(P-1)/P) against a plain socket stream
 * moving the same bytes from one worker to another. Reports the median of the iterations, their
 * 10th-90th percentiles, and the first iteration.
 *
 * <p>Run: {@code mvn -B -pl actor-runtime -Pbench test-compile exec:exec
 * -Dbench.main=io.sparkair.runtime.bench.CollectiveBenchmark}; {@code
 * -Dbench.args=-Dbench.workers=2} runs one group size only.
 */
public final class CollectiveBenchmark {
  private static final int[] BYTES = {64, 28_036, 4 << 20, 64 << 20};
  private static final int[] ITERS = {3000, 2000, 200, 10};

  private CollectiveBenchmark() {}

  public static void main(String[] args) throws Exception {
    Secret secret = Secret.generate();
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %s %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    try (AirRuntime head = AirRuntime.start(RuntimeConfig.forNode("driver", secret).cpus(1))) {
      String only = System.getProperty("bench.workers", "");
      for (int size : new int[] {2, 4}) {
        if (only.isEmpty() || only.equals("" + size)) {
          group(head, secret, size);
        }
      }
    }
  }

  private static void group(AirRuntime head, Secret secret, int size) throws Exception {
    ActorRef<CollectiveGroup> group = CollectiveGroup.host(head, size);
    List<Process> workers = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    List<PrintWriter> ins = new ArrayList<>();
    try {
      for (int r = 0; r < size; r++) {
        Process p =
            new ProcessBuilder(
                    RuntimeBenchmark.javaCommand(
                        CollectiveBenchWorker.class,
                        head.address(),
                        secret.value(),
                        group.name(),
                        "" + r,
                        "" + size))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        workers.add(p);
        outs.add(
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        ins.add(new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8));
      }
      int sinkPort = -1;
      for (int r = 0; r < size; r++) {
        String[] ready = outs.get(r).readLine().split(" ");
        if (r == 1) {
          sinkPort = Integer.parseInt(ready[2]);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d worker JVMs%s%n",
          size,
          size > Runtime.getRuntime().availableProcessors()
              ? " (more than the machine's cores: oversubscribed)"
              : "");
      long[] call = rankZero(outs, ins, "call 3000");
      long[] ping = rankZero(outs, ins, "ping " + sinkPort + " 3000");
      System.out.printf(
          Locale.ROOT,
          "  peers: remote sync actor call (64 B) median %.1f us; raw socket ping-pong %.1f us%n",
          RuntimeBenchmark.median(call) / 1e3,
          RuntimeBenchmark.median(ping) / 1e3);
      for (int i = 0; i < BYTES.length; i++) {
        long[] times = all(outs, ins, "allreduce " + BYTES[i] / 4 + " " + ITERS[i]);
        String spread =
            String.format(
                Locale.ROOT,
                "p10 %s, p90 %s, first %s; %d iterations",
                micros(RuntimeBenchmark.percentile(times, 0.1)),
                micros(RuntimeBenchmark.percentile(times, 0.9)),
                micros(times[0]),
                times.length);
        double median = RuntimeBenchmark.median(Arrays.copyOfRange(times, 1, times.length));
        if (BYTES[i] < 1 << 20) {
          System.out.printf(
              Locale.ROOT,
              "  allReduce %,d B: median %s (%s); %.2fx a remote sync call%n",
              BYTES[i],
              micros(median),
              spread,
              median / RuntimeBenchmark.median(call));
        } else {
          long[] stream =
              rankZero(outs, ins, "stream " + sinkPort + " " + BYTES[i] + " " + ITERS[i]);
          double streamGbs = BYTES[i] / RuntimeBenchmark.median(stream);
          double algGbs = BYTES[i] / median;
          double busGbs = algGbs * 2 * (size - 1) / size;
          System.out.printf(
              Locale.ROOT,
              "  allReduce %d MB: median %s (%s); algbw %.2f GB/s, busbw %.2f GB/s;"
                  + " socket stream %.2f GB/s; busbw %.2fx the stream%n",
              BYTES[i] >> 20,
              micros(median),
              spread,
              algGbs,
              busGbs,
              streamGbs,
              busGbs / streamGbs);
        }
      }
      ins.forEach(in -> in.println("quit"));
    } finally {
      for (Process p : workers) {
        p.getOutputStream().close();
        p.waitFor();
      }
      group.kill();
    }
  }

  /** Sends {@code command} to every worker; rank 0's times. */
  private static long[] all(List<BufferedReader> outs, List<PrintWriter> ins, String command)
      throws Exception {
    ins.forEach(in -> in.println(command));
    long[] times = parse(outs.get(0).readLine());
    for (int r = 1; r < outs.size(); r++) {
      outs.get(r).readLine();
    }
    return times;
  }

  /** Sends {@code command} to rank 0 only; its times but the first. */
  private static long[] rankZero(List<BufferedReader> outs, List<PrintWriter> ins, String command)
      throws Exception {
    ins.get(0).println(command);
    long[] times = parse(outs.get(0).readLine());
    return Arrays.copyOfRange(times, 1, times.length);
  }

  private static long[] parse(String line) {
    if (line == null || !line.startsWith("TIMES ")) {
      throw new IllegalStateException("a worker answered " + line);
    }
    return Arrays.stream(line.substring(6).split(" ")).mapToLong(Long::parseLong).toArray();
  }

  private static String micros(double nanos) {
    return nanos >= 1e6
        ? String.format(Locale.ROOT, "%.2f ms", nanos / 1e6)
        : String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
  }
}
