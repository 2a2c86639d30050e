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

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.RuntimeConfig;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.transport.Secret;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker of a collective group in its own JVM, for tests and the benchmark: it joins the head
 * runtime, looks the group up by name and runs the commands of {@link #command} read from its
 * standard input, one per line, answering on its standard output.
 */
public final class CollectiveWorker {
  private CollectiveWorker() {}

  /** The command line that starts a worker JVM of rank {@code rank}. */
  static List<String> command(String head, Secret secret, String group, int rank, int size) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognized")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CollectiveWorker.class.getName());
    cmd.addAll(List.of(head, secret.value(), group, "" + rank, "" + size));
    return cmd;
  }

  /**
   * Runs: {@code loop N} all-reduces N floats until the group fails, printing {@code ROUND k} now
   * and then and {@code FAILED worker message} at the end; {@code check N} all-reduces N floats
   * once and prints {@code SUM} with the bits of the result's hash; {@code quit} leaves.
   */
  public static void main(String[] args) throws Exception {
    int rank = Integer.parseInt(args[3]);
    int size = Integer.parseInt(args[4]);
    try (AirRuntime runtime =
        AirRuntime.start(
            RuntimeConfig.forNode("w" + rank, Secret.of(args[1])).head(args[0]).cpus(1))) {
      ActorRef<CollectiveGroup> group = runtime.actor(args[2]);
      try (Collective collective = Collective.of(group, rank, size)) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY " + rank);
        System.out.flush();
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
          String[] words = line.split(" ");
          int n = Integer.parseInt(words[1]);
          if (words[0].equals("loop")) {
            loop(collective, n);
          } else if (words[0].equals("check")) {
            float[] values = CollectiveTest.values(rank, n);
            collective.allReduce(values);
            System.out.println("SUM " + java.util.Arrays.hashCode(values));
          }
          System.out.flush();
        }
      }
    }
  }

  private static void loop(Collective collective, int n) {
    float[] values = new float[n];
    try {
      for (long round = 1; ; round++) {
        java.util.Arrays.fill(values, 1f);
        collective.allReduce(values);
        if (round % 10 == 0) {
          System.out.println("ROUND " + round);
          System.out.flush();
        }
      }
    } catch (CollectiveException e) {
      System.out.println("FAILED " + e.failedWorker() + " " + e.getMessage());
    }
  }
}
