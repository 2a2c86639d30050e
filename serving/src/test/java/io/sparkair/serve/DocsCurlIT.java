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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The {@code curl} lines of {@code docs/serve.md}, run with the real {@code curl} against sidecar
 * processes serving the page's ONNX model as {@code Logistic} at {@code /logistic}, one on plain
 * HTTP (the page's port 8000) and one with TLS (8443, with the certificate the page's {@code
 * openssl} line makes): each must succeed and, where the page shows its answer in the comment below
 * it, answer that (up to a trailing {@code ...}). Lines continued onto the next one ({@code \}) are
 * illustrations with elided bodies and are not run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DocsCurlIT {
  /** A command line of the page and the answer shown below it (null when none is). */
  private record Example(String command, String answer) {}

  /** The page's one-line commands that run {@code program}, each with the answer shown below. */
  private static List<Example> examples(Path page, String program) throws Exception {
    List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith(program + " ") || line.endsWith("\\")) {
        continue;
      }
      String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
      examples.add(new Example(line, next.startsWith("# ") ? next.substring(2) : null));
    }
    return examples;
  }

  @Test
  void theServingPagesCurlLinesAnswerAsThePageSays(@TempDir Path dir) throws Exception {
    String logistic = LogisticModel.checkpoint(dir.resolve("logistic"), "probability");
    Path page = Path.of(System.getProperty("air.docs"), "serve.md");
    List<Example> examples = examples(page, "curl");
    assertTrue(examples.size() >= 6, "the page's curl lines: " + examples);
    for (Example openssl : examples(page, "openssl")) {
      run(openssl.command(), dir);
    }
    String deployment = "name=Logistic,route=/logistic,checkpoint=" + logistic;
    try (SidecarProcess plain =
            SidecarProcess.startWithClasspath(
                SidecarProcess.djlJars(), "--port", "0", "--deployment", deployment);
        SidecarProcess tls =
            SidecarProcess.startWithClasspath(
                SidecarProcess.djlJars(),
                "--port",
                "0",
                "--admin-token",
                "s3cret",
                "--tls-cert",
                dir.resolve("cert.pem").toString(),
                "--tls-key",
                dir.resolve("key.pem").toString(),
                "--deployment",
                deployment)) {
      for (Example example : examples) {
        String command =
            example
                .command()
                .replace("localhost:8000", "127.0.0.1:" + plain.port)
                .replace("localhost:8443", "localhost:" + tls.port);
        String out = run(command, dir);
        String expected = example.answer();
        if (expected == null) {
          continue;
        }
        if (expected.endsWith("...")) {
          String prefix = expected.substring(0, expected.length() - 3);
          assertTrue(out.startsWith(prefix), command + "\nexpected " + expected + "\ngot " + out);
        } else {
          assertEquals(expected, out.strip(), command);
        }
      }
    }
  }

  /** Runs a command line in {@code dir}; returns what it printed, failing when it fails. */
  private static String run(String command, Path dir) throws Exception {
    Process process =
        new ProcessBuilder("bash", "-c", command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, command + out);
    return out;
  }
}
