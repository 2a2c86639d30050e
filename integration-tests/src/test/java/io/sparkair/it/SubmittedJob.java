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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * A {@code SparkSubmit} of the breast-cancer program as a user runs it: a JVM with Spark's jars
 * only, the runtime jar in {@code --jars}, the examples jar as the application.
 */
final class SubmittedJob {
  private SubmittedJob() {}

  /** The command that submits to {@code master}, with {@code options} before the jars. */
  static List<String> command(String master, List<String> options) {
    String opens = System.getProperty("air.jvm.options", "");
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
    command.addAll(List.of(opens.trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Dspark.air.serve.jar=" + System.getProperty("spark.air.serve.jar"),
            "-cp",
            LocalCluster.sparkOnlyClasspath(),
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            master,
            "--conf",
            "spark.plugins=io.sparkair.plugin.AirPlugin",
            "--conf",
            "spark.executor.extraJavaOptions=" + opens));
    command.addAll(options);
    command.addAll(
        List.of(
            "--jars",
            LocalCluster.runtimeJar(),
            "--class",
            "io.sparkair.examples.BreastCancer",
            LocalCluster.examplesJar(),
            master));
    return command;
  }

  /** Runs {@code command} in {@code dir} and checks that the program ran to its end. */
  static void runAndCheck(List<String> command, Path dir) throws Exception {
    Path log = dir.resolve("submit.log");
    String output =
        awaitSuccess(
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start(),
            log);
    assertTrue(output.contains("best trial: {params={max_depth="), tail(output));
    assertTrue(output.contains("the service answered: 200 [{\"prediction\""), tail(output));
    Matcher accuracy = Pattern.compile("held-out accuracy \\d\\.\\d+").matcher(output);
    assertTrue(accuracy.find(), tail(output));
    LoggerFactory.getLogger(SubmittedJob.class)
        .info("{}: {}", command.get(command.indexOf("--master") + 1), accuracy.group());
  }

  /**
   * Waits up to 240 s for a {@code spark-submit} writing to {@code log}, checks that it ended with
   * exit 0, and returns its output.
   */
  static String awaitSuccess(Process process, Path log) throws Exception {
    boolean ended = process.waitFor(240, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, "spark-submit ended: " + tail(output));
    assertEquals(0, process.exitValue(), tail(output));
    return output;
  }

  static String tail(String output) {
    return output.substring(Math.max(0, output.length() - 4000));
  }
}
