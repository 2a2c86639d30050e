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
package io.sparkair.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The notebook path: {@code examples/notebook/breast_cancer.jsh} evaluated cell by cell in jshell
 * (the JDK's REPL, in this JVM), against a session started without {@code spark.plugins}; the
 * attach, data, training, tuning, prediction and serving cells are then run twice more. Every cell
 * must succeed, the results must repeat, and no runtime may leak.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NotebookTest {
  /** The script's cells, split at its {@code // %%} markers; the header is dropped. */
  private static List<String> cells() throws Exception {
    String script = Files.readString(Path.of("notebook", "breast_cancer.jsh"));
    List<String> cells = new ArrayList<>();
    String[] parts = script.split("(?m)^// %%.*$");
    for (int i = 1; i < parts.length; i++) {
      cells.add(parts[i]);
    }
    return cells;
  }

  /** Evaluates one cell snippet by snippet; fails naming the snippet that did not work. */
  private static void run(JShell shell, String cell) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = cell;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      String source = info.source();
      if (source == null || source.isBlank()) {
        fail("an incomplete snippet in the cell: " + rest);
      }
      for (SnippetEvent event : shell.eval(source)) {
        if (event.status() == Snippet.Status.REJECTED) {
          fail(
              "rejected: "
                  + source
                  + " "
                  + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
        }
        if (event.exception() != null) {
          throw new AssertionError("failed: " + source, event.exception());
        }
      }
      rest = info.remaining();
    }
  }

  private static String value(JShell shell, String expression) {
    return shell.eval(expression).get(0).value();
  }

  @Test
  void theNotebookCellsRunAndRunAgainWithTheSameResults() throws Exception {
    List<String> cells = cells();
    assertEquals(9, cells.size(), "the notebook's cells");
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      cells.forEach(cell -> run(shell, cell));
      String accuracy = value(shell, "accuracy");
      String predicted = value(shell, "predicted");
      String bestConfig = value(shell, "bestConfig");
      String answer = value(shell, "answer");
      assertTrue(answer.contains("probability"), "the served model's answer " + answer);
      String runtimes = value(shell, "io.sparkair.runtime.AirRuntime.running().size()");
      assertTrue(Double.parseDouble(accuracy) > 0.9, "held-out accuracy " + accuracy);
      for (int again = 0; again < 2; again++) {
        for (int cell = 2; cell < cells.size(); cell++) {
          run(shell, cells.get(cell));
        }
        assertEquals(accuracy, value(shell, "accuracy"), "the same accuracy when re-run");
        assertEquals(predicted, value(shell, "predicted"), "as many predictions when re-run");
        assertEquals(bestConfig, value(shell, "bestConfig"), "the same best trial when re-run");
        assertEquals(answer, value(shell, "answer"), "the same answer from the hot-swapped model");
        assertEquals(
            runtimes,
            value(shell, "io.sparkair.runtime.AirRuntime.running().size()"),
            "no runtime leaked by re-running the cells");
      }
      assertEquals(
          "false", value(shell, "spark.sparkContext().getConf().contains(\"spark.plugins\")"));
      shell.eval("PredictorDeployment.shutdown()");
      shell.eval("spark.stop()");
    }
  }
}
