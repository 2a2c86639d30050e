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
import io.sparkair.runtime.transport.Secret;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The second JVM of {@link RuntimeBenchmark}: a worker runtime, plus a raw-socket echo server that
 * gives the benchmark its ceiling. Exits when its standard input closes.
 */
public final class BenchWorker {
  private BenchWorker() {}

  public static void main(String[] args) throws Exception {
    AirRuntime runtime =
        AirRuntime.start(RuntimeConfig.forNode("1", Secret.of(args[1])).head(args[0]).cpus(1));
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  s.setTcpNoDelay(true);
                  Thread echo = new Thread(() -> echo(s), "echo");
                  echo.setDaemon(true);
                  echo.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "echo-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    PlainFlight plain = new PlainFlight(runtime.store());
    System.out.println("FLIGHT_PORTS=" + plain.ports());
    System.out.println("ECHO_PORT=" + server.getLocalPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the benchmark to close our standard input
    }
    server.close();
    plain.close();
    runtime.close();
  }

  private static void echo(Socket s) {
    byte[] message = new byte[RuntimeBenchmark.MESSAGE_BYTES];
    try (s;
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
      InputStream raw = in;
      while (true) {
        in.readFully(message);
        out.write(message);
        if (raw.available() < message.length) {
          out.flush();
        }
      }
    } catch (IOException e) {
      // connection closed
    }
  }
}
