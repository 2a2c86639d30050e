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
package io.sparkair.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The output of a started {@code air-serve} process: the line that gives its port. */
final class SidecarOutput {
  /** What {@link ServeMain} prints, followed by the port, once it serves. */
  static final String LISTENING = "air-serve listening on port ";

  private static final long START_SECONDS = 60;

  private SidecarOutput() {}

  /**
   * Waits for {@code process} (its error stream merged into its output) to print its port, and
   * passes every line of its output to {@code lines}, now and until it ends.
   *
   * @return the port
   * @throws IllegalStateException when the process ends or stays silent for a minute first; it is
   *     then killed
   */
  static int awaitPort(Process process, Consumer<String> lines) {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.accept(line);
                  if (line.startsWith(LISTENING)) {
                    return Integer.parseInt(line.substring(LISTENING.length()));
                  }
                }
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
              throw new IllegalStateException("air-serve ended before it listened");
            });
    int listening;
    try {
      listening = port.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("air-serve did not start: " + e, e);
    }
    Thread drain =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.accept(line);
                }
              } catch (IOException ended) {
                lines.accept("(output closed: " + ended + ")");
              }
            },
            "air-serve-output");
    drain.setDaemon(true);
    drain.start();
    return listening;
  }
}
