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

import io.sparkair.predict.ModelFileCheckpoint;
import io.sparkair.predict.ModelSignature;
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
 * The {@code curl} lines of {@code docs/serve.md}, run with the real {@code curl} against a sidecar
 * process serving the page's ONNX model as {@code Logistic} at {@code /logistic}: each must succeed
 * and, where the page shows its answer in the comment below it, answer that (up to a trailing
 * {@code ...}). Lines continued onto the next one ({@code \}) are illustrations with elided bodies
 * and are not run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DocsCurlIT {
  /** A curl line of the page and the answer shown below it (null when none is). */
  private record Example(String command, String answer) {}

  private static List<Example> examples(Path page) throws Exception {
    List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("curl ") || line.endsWith("\\")) {
        continue;
      }
      String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
      examples.add(new Example(line, next.startsWith("# ") ? next.substring(2) : null));
    }
    return examples;
  }

  @Test
  void theServingPagesCurlLinesAnswerAsThePageSays(@TempDir Path dir) throws Exception {
    ModelSignature signature =
        ModelSignature.builder()
            .input("features", ModelSignature.DataType.FP32, new long[] {-1, 4}, "a", "b", "c", "d")
            .output("probability", "probability")
            .build();
    ModelFileCheckpoint.create(
            Path.of(System.getProperty("air.test.models"), "logistic.onnx"), signature)
        .toDirectory(dir.resolve("logistic").toString());
    List<Example> examples = examples(Path.of(System.getProperty("air.docs"), "serve.md"));
    assertTrue(examples.size() >= 5, "the page's curl lines: " + examples);
    try (SidecarProcess sidecar =
        SidecarProcess.startWithClasspath(
            SidecarProcess.djlJars(),
            "--port",
            "0",
            "--deployment",
            "name=Logistic,route=/logistic,checkpoint=" + dir.resolve("logistic"))) {
      for (Example example : examples) {
        String command = example.command().replace("localhost:8000", "127.0.0.1:" + sidecar.port);
        Process curl = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS), command);
        assertEquals(0, curl.exitValue(), command + "\n" + out);
        String expected = example.answer();
        if (expected == null) {
          continue;
        }
        if (expected.endsWith("...")) {
          String prefix = expected.substring(0, expected.length() - 3);
          assertTrue(out.startsWith(prefix), command + "\nexpected " + expected + "\ngot " + out);
        } else {
          assertEquals(expected, out, command);
        }
      }
    }
  }
}
