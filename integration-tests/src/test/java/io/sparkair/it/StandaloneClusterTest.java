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
package io.sparkair.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster, the engine users grow into: a {@code Master} and a {@code
 * Worker} started as processes from Maven's Spark jars (a folder of them stands in for a Spark
 * installation), two executors of one core, and the breast-cancer program submitted to {@code
 * spark://127.0.0.1:<port>}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StandaloneClusterTest {
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * A folder laid out as a Spark installation: {@code RELEASE} and Spark's jars in {@code jars/}.
   */
  private static Path sparkHome(Path dir) throws IOException {
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String jar : LocalCluster.sparkOnlyClasspath().split(File.pathSeparator)) {
      Path source = Path.of(jar);
      if (Files.isRegularFile(source) && jar.endsWith(".jar")) {
        Files.createSymbolicLink(jars.resolve(source.getFileName()), source);
      }
    }
    Files.writeString(home.resolve("RELEASE"), "Spark from Maven's jars, for tests\n");
    return home;
  }

  private static Process start(Path home, Path log, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx512m"));
    command.addAll(List.of(System.getProperty("air.jvm.options", "").trim().split("\\s+")));
    command.addAll(List.of("-cp", home.resolve("jars") + "/*"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(home.toFile());
    builder.environment().put("SPARK_HOME", home.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.12");
    return builder.start();
  }

  private static void awaitLine(Path log, String text, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String seen = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (seen.contains(text)) {
        return;
      }
      assertTrue(process.isAlive(), "ended before printing '" + text + "': " + seen);
      Thread.sleep(200);
    }
    throw new AssertionError("no '" + text + "' within 60 s in " + log);
  }

  @Test
  void theBreastCancerProgramRunsOnAStandaloneMasterAndWorker(@TempDir Path dir) throws Exception {
    Path home = sparkHome(dir);
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    Process masterProcess =
        start(
            home,
            dir.resolve("master.log"),
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--webui-port",
            String.valueOf(freePort()));
    Process worker = null;
    try {
      awaitLine(dir.resolve("master.log"), "I have been elected leader", masterProcess);
      worker =
          start(
              home,
              dir.resolve("worker.log"),
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--cores",
              "2",
              "--memory",
              "3g",
              "--webui-port",
              String.valueOf(freePort()),
              "--work-dir",
              dir.resolve("work").toString(),
              master);
      awaitLine(dir.resolve("master.log"), "Registering worker", masterProcess);
      SubmittedJob.runAndCheck(
          SubmittedJob.command(
              master,
              List.of(
                  "--executor-cores",
                  "1",
                  "--executor-memory",
                  "1g",
                  "--total-executor-cores",
                  "2")),
          dir);
    } finally {
      if (worker != null) {
        worker.destroy();
        worker.waitFor(30, TimeUnit.SECONDS);
      }
      masterProcess.destroy();
      masterProcess.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
