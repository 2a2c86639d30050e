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
import io.sparkair.runtime.collective.Collective;
import io.sparkair.runtime.collective.CollectiveGroup;
import io.sparkair.runtime.transport.Secret;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A worker JVM of {@link CollectiveBenchmark}: a member of the benchmark's collective group, an
 * echo actor, and a plain socket sink that gives the benchmark its peers. It runs the commands read
 * from its standard input; rank 0 answers each with the times of its iterations in nanoseconds.
 */
public final class CollectiveBenchWorker {
  private CollectiveBenchWorker() {}

  public static void main(String[] args) throws Exception {
    int rank = Integer.parseInt(args[3]);
    int size = Integer.parseInt(args[4]);
    try (AirRuntime runtime =
        AirRuntime.start(
            RuntimeConfig.forNode("w" + rank, Secret.of(args[1])).head(args[0]).cpus(1))) {
      runtime.hostHere("bench-echo-" + rank, new RuntimeBenchmark.Echo());
      ServerSocket sink = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
      Thread serving = new Thread(() -> serveSink(sink), "sink");
      serving.setDaemon(true);
      serving.start();
      ActorRef<CollectiveGroup> group = runtime.actor(args[2]);
      try (Collective collective = Collective.of(group, rank, size)) {
        System.out.println("READY " + rank + " " + sink.getLocalPort());
        System.out.flush();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
          String[] w = line.split(" ");
          long[] times =
              switch (w[0]) {
                case "allreduce" -> allReduce(collective, Integer.parseInt(w[1]), iters(w[2]));
                case "stream" ->
                    stream(Integer.parseInt(w[1]), Integer.parseInt(w[2]), iters(w[3]));
                case "ping" -> stream(Integer.parseInt(w[1]), -64, iters(w[2]));
                case "call" -> call(runtime, iters(w[1]));
                default -> throw new IllegalArgumentException("unknown command " + line);
              };
          StringJoiner out = new StringJoiner(" ", "TIMES ", "");
          Arrays.stream(times).forEach(t -> out.add(Long.toString(t)));
          System.out.println(rank == 0 ? out.toString() : "OK");
          System.out.flush();
        }
      }
    }
  }

  private static int iters(String word) {
    return Integer.parseInt(word);
  }

  private static long[] allReduce(Collective collective, int floats, int iters) {
    float[] values = new float[floats];
    long[] times = new long[iters];
    for (int i = 0; i < iters; i++) {
      Arrays.fill(values, 1f);
      long t = System.nanoTime();
      collective.allReduce(values);
      times[i] = System.nanoTime() - t;
    }
    if (values.length > 0 && values[0] != collective.worldSize()) {
      throw new IllegalStateException("wrong sum " + values[0]);
    }
    return times;
  }

  /**
   * Sends {@code bytes} to the sink at {@code port} and waits for its one-byte answer, or with
   * negative {@code bytes} a ping-pong of that many bytes each way.
   */
  private static long[] stream(int port, int bytes, int iters) throws IOException {
    boolean pingPong = bytes < 0;
    byte[] payload = new byte[Math.abs(bytes)];
    long[] times = new long[iters];
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setTcpNoDelay(true);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      byte[] answer = new byte[pingPong ? payload.length : 1];
      for (int i = 0; i < iters; i++) {
        long t = System.nanoTime();
        out.writeInt(payload.length);
        out.writeInt(answer.length);
        out.write(payload);
        out.flush();
        in.readFully(answer);
        times[i] = System.nanoTime() - t;
      }
    }
    return times;
  }

  private static long[] call(AirRuntime runtime, int iters) {
    ActorRef<RuntimeBenchmark.Echo> echo = runtime.actor("bench-echo-1");
    byte[] payload = new byte[64];
    long[] times = new long[iters];
    for (int i = 0; i < iters; i++) {
      long t = System.nanoTime();
      echo.call(RuntimeBenchmark.Echo::echo, payload).join();
      times[i] = System.nanoTime() - t;
    }
    return times;
  }

  private static void serveSink(ServerSocket server) {
    while (true) {
      try (Socket s = server.accept()) {
        s.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        byte[] buffer = new byte[0];
        while (true) {
          int length = in.readInt();
          int answer = in.readInt();
          if (buffer.length < Math.max(length, answer)) {
            buffer = new byte[Math.max(length, answer)];
          }
          in.readFully(buffer, 0, length);
          out.write(buffer, 0, answer);
          out.flush();
        }
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }
}
