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
package io.sparkair.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkair.tune.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as Jupyter runs it: Jupyter's own {@code nbconvert --execute} (Debian's, from {@code
 * /usr/bin/python3}) starts {@link AirKernel} from a kernelspec and executes real notebooks; the
 * test reads the executed {@code .ipynb}.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class NotebookKernelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A line of the kernel's log. */
  private static final Pattern LOG_LINE =
      Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO|WARN|ERROR) ");

  /** A kernelspec directory tree under {@code dir} for the kernel on this test's classpath. */
  private static Path kernelspec(Path dir) throws Exception {
    Path kernel = Files.createDirectories(dir.resolve("kernels").resolve("spark-air-java"));
    ObjectNode spec = JSON.createObjectNode();
    ArrayNode argv = spec.putArray("argv");
    argv.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect"))
        .forEach(argv::add);
    argv.add("-Dspark.air.serve.jar=" + System.getProperty("spark.air.serve.jar"));
    argv.add("-cp");
    argv.add(System.getProperty("java.class.path"));
    argv.add(AirKernel.class.getName());
    argv.add("{connection_file}");
    spec.put("display_name", "Spark AIR (Java)");
    spec.put("language", "java");
    Files.writeString(kernel.resolve("kernel.json"), JSON.writeValueAsString(spec));
    return dir;
  }

  /** Runs nbconvert on {@code notebook}; returns its exit code, its output in {@code log}. */
  private static int execute(Path notebook, Path out, Path jupyterPath, Path log, String... extra)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "/usr/bin/python3",
            "-m",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.kernel_name=spark-air-java",
            "--ExecutePreprocessor.timeout=500",
            "--output",
            out.toString()));
    command.addAll(List.of(extra));
    command.add(notebook.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
    builder.environment().put("JUPYTER_RUNTIME_DIR", jupyterPath.resolve("runtime").toString());
    Process process = builder.start();
    if (!process.waitFor(540, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("nbconvert did not finish: " + Files.readString(log));
    }
    return process.exitValue();
  }

  /** Every output of every code cell, as text: streams, then each MIME type's data. */
  private static List<JsonNode> outputs(Path executed) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode cell : JSON.readTree(executed.toFile()).get("cells")) {
      cell.path("outputs").forEach(all::add);
    }
    return all;
  }

  /** The executed cell whose source contains {@code code}. */
  private static JsonNode cellRunning(Path executed, String code) throws Exception {
    for (JsonNode cell : JSON.readTree(executed.toFile()).get("cells")) {
      if (text(cell, "source").contains(code)) {
        return cell;
      }
    }
    throw new AssertionError("no cell runs " + code);
  }

  private static List<String> streamsOf(JsonNode cell) {
    List<JsonNode> outputs = new ArrayList<>();
    cell.get("outputs").forEach(outputs::add);
    return streams(outputs);
  }

  private static String text(JsonNode output, String field) {
    JsonNode value = output.path(field);
    if (value.isArray()) {
      StringBuilder joined = new StringBuilder();
      value.forEach(line -> joined.append(line.asText()));
      return joined.toString();
    }
    return value.asText();
  }

  private static List<String> streams(List<JsonNode> outputs) {
    return outputs.stream()
        .filter(o -> o.path("output_type").asText().equals("stream"))
        .map(o -> text(o, "text"))
        .collect(Collectors.toList());
  }

  private static List<String> html(List<JsonNode> outputs) {
    return outputs.stream()
        .filter(o -> o.path("data").has("text/html"))
        .map(o -> text(o.get("data"), "text/html"))
        .collect(Collectors.toList());
  }

  @Test
  void theBreastCancerNotebookRunsFromDataToAServedAnswer(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("breast_cancer.executed.ipynb");
    Path log = dir.resolve("nbconvert.log");
    Path notebook = Path.of(System.getProperty("air.notebooks"), "breast_cancer.ipynb");
    int exit = execute(notebook, out, kernelspec(dir), log);
    assertEquals(0, exit, () -> "nbconvert failed: " + read(log));

    List<JsonNode> outputs = outputs(out);
    String printed = String.join("", streams(outputs));
    Matcher accuracy = Pattern.compile("held-out accuracy ([0-9.]+)").matcher(printed);
    assertTrue(accuracy.find(), printed);
    assertTrue(Double.parseDouble(accuracy.group(1)) > 0.9, printed);
    assertFalse(LOG_LINE.matcher(printed).find(), "log lines stay out of the cells: " + printed);
    assertTrue(printed.contains("best trial trial_0000"), printed);
    assertTrue(printed.matches("(?s).*the service answered: \\[\\{.*probability.*"), printed);

    JsonNode training = cellRunning(out, "trainer.fit()");
    List<JsonNode> progress = new ArrayList<>();
    training
        .get("outputs")
        .forEach(
            o -> {
              if (text(o.path("data"), "text/html").contains("spark-air-progress")) {
                progress.add(o);
              }
            });
    assertTrue(
        streamsOf(training).stream().noneMatch(t -> t.contains("XGBoostTrainer_")),
        "no line per round: " + training);
    assertEquals(1, progress.size(), "one progress area, updated in place: " + training);
    assertEquals("display_data", progress.get(0).path("output_type").asText());
    assertTrue(
        text(progress.get(0).get("data"), "text/plain").contains("finished: {"),
        "the area ends with the run's result: " + progress.get(0));
    JsonNode tuning = cellRunning(out, "new Tuner(");
    assertTrue(
        streamsOf(tuning).stream().noneMatch(t -> t.contains("== Tuner_")),
        "the trial table is no stream of lines: " + tuning);

    List<String> tables = html(outputs);
    assertTrue(
        tables.stream()
            .anyMatch(
                h ->
                    h.contains("<th title=\"double\">mean radius</th>")
                        && h.contains("AirDataset: 569 rows")),
        "the dataset cell shows an HTML table: " + tables);
    assertTrue(
        tables.stream().anyMatch(h -> h.contains("<td>valid-error</td>")),
        "the result cell shows its metrics: " + tables);
    assertTrue(
        tables.stream().anyMatch(h -> h.contains("<svg") && h.contains("<polyline")),
        "the grid cell draws its trials' curves: " + tables);

    Path html = dir.resolve("breast_cancer.executed.html");
    Process convert =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-m",
                "nbconvert",
                "--to",
                "html",
                "--output",
                html.toString(),
                out.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("html.log").toFile())
            .start();
    assertTrue(convert.waitFor(120, TimeUnit.SECONDS) && convert.exitValue() == 0, read(log));
    BufferedImage shot =
        HeadlessChromium.screenshot(
            html, Path.of("target", "breast-cancer-notebook.png"), 1000, 6000);
    assertTrue(
        pixels(shot, Displays.HEADER) > 2000,
        "the tables' header rows are on the page: " + pixels(shot, Displays.HEADER));
    for (String color : List.of("#1f77b4", "#ff7f0e")) {
      assertTrue(pixels(shot, color) > 300, "the trial curve in " + color + " is drawn");
    }
  }

  private static int pixels(BufferedImage shot, String color) {
    int rgb = Integer.parseInt(color.substring(1), 16);
    int count = 0;
    for (int y = 0; y < shot.getHeight(); y++) {
      for (int x = 0; x < shot.getWidth(); x++) {
        if ((shot.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }

  /** Executes an example notebook; returns everything its cells printed. */
  private static String executeExample(Path dir, String name) throws Exception {
    Path out = dir.resolve(name + ".executed.ipynb");
    Path log = dir.resolve(name + ".log");
    Path notebook = Path.of(System.getProperty("air.notebooks"), name + ".ipynb");
    assertEquals(0, execute(notebook, out, kernelspec(dir), log), () -> read(log));
    return String.join("", streams(outputs(out)));
  }

  @Test
  void theTaxiTipNotebookTrainsTunesScores2022AndServes(@TempDir Path dir) throws Exception {
    String printed = executeExample(dir, "taxi_tip");
    Matcher accuracy = Pattern.compile("2021 held-out accuracy ([0-9.]+)").matcher(printed);
    assertTrue(accuracy.find(), printed);
    assertTrue(Double.parseDouble(accuracy.group(1)) > 0.7, printed);
    assertTrue(
        printed.matches("(?s).*2022: \\d+ of 20000 trips predicted to tip over 20%.*"), printed);
    assertTrue(printed.contains("it answered 200 [{\"prediction\""), printed);
  }

  @Test
  void theFareNotebookTrainsItsOwnLoopOnTorchTrainer(@TempDir Path dir) throws Exception {
    String printed = executeExample(dir, "taxi_fare");
    Matcher losses = Pattern.compile("epoch (\\d): loss ([0-9.E-]+)").matcher(printed);
    List<Double> loss = new ArrayList<>();
    while (losses.find()) {
      loss.add(Double.parseDouble(losses.group(2)));
    }
    assertEquals(3, loss.size(), printed);
    assertTrue(loss.get(2) < loss.get(0), "the loss falls: " + loss);
    Matcher accuracy = Pattern.compile("2022 accuracy ([0-9.]+)").matcher(printed);
    assertTrue(accuracy.find(), printed);
    assertTrue(Double.parseDouble(accuracy.group(1)) > 0.65, printed);
  }

  private static void addCodeCell(ArrayNode cells, String id, String source) {
    ObjectNode cell = cells.addObject();
    cell.put("cell_type", "code");
    cell.put("id", id);
    cell.putObject("metadata");
    cell.putArray("outputs");
    cell.putNull("execution_count");
    cell.put("source", source);
  }

  /** A notebook of code cells with the given sources. */
  private static Path notebookOf(Path file, String... sources) throws Exception {
    ObjectNode nb = JSON.createObjectNode();
    ArrayNode cells = nb.putArray("cells");
    for (int i = 0; i < sources.length; i++) {
      addCodeCell(cells, "c" + i, sources[i]);
    }
    nb.putObject("metadata");
    nb.put("nbformat", 4);
    nb.put("nbformat_minor", 5);
    Files.writeString(file, JSON.writeValueAsString(nb));
    return file;
  }

  @Test
  void aJarOfYourOwnIsAddedWithClasspath(@TempDir Path dir) throws Exception {
    Path source = Files.createDirectories(dir.resolve("src/greeting")).resolve("Hello.java");
    Files.writeString(
        source,
        "package greeting; public class Hello { public String toString() { return \"hello from a"
            + " jar\"; } }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    assertEquals(
        0,
        javax.tools.ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString()));
    Path jar = dir.resolve("greeting.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("greeting/Hello.class"));
      out.write(Files.readAllBytes(classes.resolve("greeting/Hello.class")));
    }
    Path notebook =
        notebookOf(
            dir.resolve("classpath.ipynb"),
            "%classpath " + jar + "\nnew greeting.Hello().toString()",
            "%classpath " + dir.resolve("missing.jar"));
    Path out = dir.resolve("classpath.executed.ipynb");
    Path log = dir.resolve("classpath.log");
    assertEquals(
        0, execute(notebook, out, kernelspec(dir), log, "--allow-errors"), () -> read(log));
    List<JsonNode> outputs = outputs(out);
    assertEquals("hello from a jar", text(outputs.get(0).get("data"), "text/plain"));
    assertTrue(
        outputs.get(1).path("evalue").asText().contains("missing.jar is not one"),
        "a bad path is named: " + outputs.get(1));
  }

  @Test
  void aFailingCellFailsTheRunAndShowsItsCauseFirst(@TempDir Path dir) throws Exception {
    Path notebook =
        notebookOf(
            dir.resolve("failing.ipynb"),
            "int x = 41;",
            "x + 1",
            "Integer.parseInt(\"not a number\")",
            "x");
    Path jupyter = kernelspec(dir);

    Path log = dir.resolve("strict.log");
    assertNotEquals(0, execute(notebook, dir.resolve("strict.ipynb"), jupyter, log));
    assertTrue(read(log).contains("NumberFormatException"), read(log));

    Path out = dir.resolve("errors.ipynb");
    assertEquals(0, execute(notebook, out, jupyter, dir.resolve("errors.log"), "--allow-errors"));
    List<JsonNode> outputs = outputs(out);
    JsonNode result = outputs.get(0);
    assertEquals("42", text(result.get("data"), "text/plain"), "a cell's value");
    JsonNode error = outputs.get(1);
    assertEquals("error", error.path("output_type").asText());
    String first = error.get("traceback").get(0).asText().replaceAll("\u001b\\[[0-9;]*m", "");
    assertTrue(
        first.startsWith("NumberFormatException: For input string: \"not a number\""),
        "the cause comes first: " + error);
    assertTrue(error.get("traceback").size() < 5, "no wall of stack frames: " + error);
  }

  @Test
  void cellsRunAgainGiveTheSameResultsOnOneRuntimeAndTheirLambdasRunInSpark(@TempDir Path dir)
      throws Exception {
    ObjectNode nb =
        (ObjectNode)
            JSON.readTree(
                Path.of(System.getProperty("air.notebooks"), "breast_cancer.ipynb").toFile());
    ArrayNode cells = (ArrayNode) nb.get("cells");
    List<JsonNode> code = new ArrayList<>();
    cells.forEach(
        c -> {
          if (c.path("cell_type").asText().equals("code")) {
            code.add(c);
          }
        });
    for (int i = 1; i < code.size(); i++) {
      cells.add(((ObjectNode) code.get(i).deepCopy()).put("id", "again-" + i));
    }
    String[] more = {
      "spark.range(5).map((org.apache.spark.api.java.function.MapFunction<Long, Long>) x -> x * 2,"
          + " Encoders.LONG()).collectAsList()",
      "io.sparkair.runtime.AirRuntime.running().size()"
    };
    for (int i = 0; i < more.length; i++) {
      addCodeCell(cells, "more-" + i, more[i]);
    }
    Path notebook = dir.resolve("twice.ipynb");
    Files.writeString(notebook, JSON.writeValueAsString(nb));
    Path out = dir.resolve("twice.executed.ipynb");
    Path log = dir.resolve("twice.log");
    assertEquals(0, execute(notebook, out, kernelspec(dir), log), () -> read(log));

    List<JsonNode> outputs = outputs(out);
    List<String> accuracies = new ArrayList<>();
    Matcher accuracy =
        Pattern.compile("held-out accuracy ([0-9.]+)").matcher(String.join("", streams(outputs)));
    while (accuracy.find()) {
      accuracies.add(accuracy.group(1));
    }
    assertEquals(2, accuracies.size(), accuracies.toString());
    assertEquals(accuracies.get(0), accuracies.get(1), "a cell run again gives the same result");
    List<String> values =
        outputs.stream()
            .filter(o -> o.path("output_type").asText().equals("execute_result"))
            .map(o -> text(o.get("data"), "text/plain"))
            .collect(Collectors.toList());
    assertEquals("[0, 2, 4, 6, 8]", values.get(values.size() - 2), "a cell's lambda ran in Spark");
    assertEquals("1", values.get(values.size() - 1), "re-running cells starts no second runtime");
  }

  /** A cell that makes a session on two executors, each in its own JVM. */
  private static final String CLUSTER_SESSION =
      String.join(
          "\n",
          "String jvmOptions = String.join(\" \",",
          "    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()",
          "        .stream().filter(a -> a.startsWith(\"--add-opens\")).toList());",
          "SparkSession spark = SparkSession.builder()",
          "    .master(\"local-cluster[2,1,1024]\").appName(\"cells-on-a-cluster\")",
          "    .config(\"spark.ui.enabled\", \"false\")",
          "    .config(\"spark.driver.host\", \"127.0.0.1\")",
          "    .config(\"spark.driver.bindAddress\", \"127.0.0.1\")",
          "    .config(\"spark.executor.extraClassPath\", System.getProperty(\"java.class.path\"))",
          "    .config(\"spark.executor.extraJavaOptions\", jvmOptions)",
          "    .config(\"spark.executorEnv.SPARK_SCALA_VERSION\", \"2.12\")",
          "    .config(\"spark.executorEnv.SPARK_TESTING\", \"1\")",
          "    .getOrCreate();");

  /** A cell whose value is a list of "3x@pid" of the Spark tasks that ran its lambda. */
  private static final String LAMBDA_IN_TASKS =
      "spark.range(0, 6, 1, 2).map((org.apache.spark.api.java.function.MapFunction<Long,"
          + " String>) x -> x * 3 + \"@\" + ProcessHandle.current().pid(),"
          + " Encoders.STRING()).collectAsList()";

  @Test
  void cellLambdasRunInExecutorsOfOtherJvms(@TempDir Path dir) throws Exception {
    Path notebook =
        notebookOf(
            dir.resolve("cluster.ipynb"),
            CLUSTER_SESSION,
            "ProcessHandle.current().pid()",
            LAMBDA_IN_TASKS,
            String.join(
                "\n",
                "Air.get(spark).fromDataFrame(spark.range(0, 6, 1, 2).toDF())",
                "    .mapBatches((batch, allocator) -> {",
                "      var ids = (org.apache.arrow.vector.BigIntVector) batch.getVector(\"id\");",
                "      for (int i = 0; i < batch.getRowCount(); i++) {",
                "        ids.set(i, ids.get(i) * 3);",
                "      }",
                "      return batch;",
                "    }, 100)",
                "    .toDataFrame().orderBy(\"id\").collectAsList()"));
    Path out = dir.resolve("cluster.executed.ipynb");
    Path log = dir.resolve("cluster.log");
    assertEquals(0, execute(notebook, out, kernelspec(dir), log), () -> read(log));
    List<String> values =
        outputs(out).stream()
            .filter(o -> o.path("output_type").asText().equals("execute_result"))
            .map(o -> text(o.get("data"), "text/plain"))
            .collect(Collectors.toList());
    String kernel = values.get(0);
    List<String> ran = List.of(values.get(1).replaceAll("[\\[\\] ]", "").split(","));
    assertEquals(
        List.of("0", "3", "6", "9", "12", "15"),
        ran.stream().map(r -> r.substring(0, r.indexOf('@'))).collect(Collectors.toList()));
    assertTrue(
        ran.stream().noneMatch(r -> r.endsWith("@" + kernel)),
        "a Spark task ran the cell's lambda in an executor's JVM, not the kernel's ("
            + kernel
            + "): "
            + ran);
    assertEquals("[[0], [3], [6], [9], [12], [15]]", values.get(2), "an AIR actor ran it too");
  }

  @Test
  void aSessionThatDoesNotServeTheCellsClassesFailsSayingSo(@TempDir Path dir) throws Exception {
    Path notebook =
        notebookOf(
            dir.resolve("unserved.ipynb"),
            "System.clearProperty(\"spark.repl.class.outputDir\");\n" + CLUSTER_SESSION,
            LAMBDA_IN_TASKS,
            String.join(
                "\n",
                "class Same implements io.sparkair.runtime.batch.BatchFunction {",
                "  public org.apache.arrow.vector.VectorSchemaRoot apply(",
                "      org.apache.arrow.vector.VectorSchemaRoot batch,",
                "      org.apache.arrow.memory.BufferAllocator allocator) {",
                "    return batch;",
                "  }",
                "}"),
            "Air.get(spark).range(10).mapBatches(new Same(), 5).count()");
    Path out = dir.resolve("unserved.executed.ipynb");
    Path log = dir.resolve("unserved.log");
    assertEquals(
        0, execute(notebook, out, kernelspec(dir), log, "--allow-errors"), () -> read(log));
    JsonNode error = cellRunning(out, "MapFunction").get("outputs").get(0);
    assertEquals("error", error.path("output_type").asText(), error::toString);
    assertTrue(
        error
            .path("evalue")
            .asText()
            .matches(
                "(?s)An executor could not load a class of this notebook's cells.*Make the Spark"
                    + " session in a cell of this kernel.*SerializedLambda.*"),
        "the error says what to do first: " + error);
    JsonNode actorError = cellRunning(out, "mapBatches").get("outputs").get(0);
    assertTrue(
        actorError
            .path("evalue")
            .asText()
            .startsWith("An executor could not load a class of this notebook's cells"),
        "and so does it for a class: " + actorError);
  }

  /** A question {@code ask_kernel.py} sends: what to complete or inspect, and where. */
  private static ObjectNode question(String kind, String code, String before) {
    ObjectNode q = JSON.createObjectNode().put("kind", kind).put("code", code);
    return q.put("cursor", code.indexOf(before) + before.length());
  }

  @Test
  void theKernelCompletesAndInspectsAsTheUserTypes(@TempDir Path dir) throws Exception {
    Path jupyter = kernelspec(dir);
    Path script = Path.of(NotebookKernelTest.class.getResource("ask_kernel.py").toURI());
    String scaler = "int a = 1;\nvar s = new StandardSca";
    String afterMagic = "%classpath " + dir + "\nAir.ge";
    ArrayNode questions = JSON.createArrayNode();
    questions.add(question("complete", "greeting.toUpp", "toUpp"));
    questions.add(question("complete", scaler, "StandardSca"));
    questions.add(question("complete", afterMagic, "Air.ge"));
    questions.add(question("inspect", "Math.max(1, 2)", "Math.ma"));
    questions.add(question("complete", "greeting.zzz", "zzz"));
    Path log = dir.resolve("ask.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "/usr/bin/python3",
                script.toString(),
                "spark-air-java",
                "String greeting = \"hello\";",
                JSON.writeValueAsString(questions))
            .redirectError(log.toFile());
    builder.environment().put("JUPYTER_PATH", jupyter.toString());
    builder.environment().put("JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), () -> read(log));
    assertEquals(0, process.exitValue(), () -> out + read(log));
    JsonNode answers = JSON.readTree(out);
    assertEquals("ok", answers.get("setup").asText());
    JsonNode replies = answers.get("replies");

    JsonNode member = replies.get(0);
    assertTrue(member.get("matches").toString().contains("\"toUpperCase(\""), member::toString);
    assertEquals(9, member.get("cursor_start").asInt());
    assertEquals(14, member.get("cursor_end").asInt());

    JsonNode type = replies.get(1);
    assertTrue(type.get("matches").toString().contains("\"StandardScaler(\""), type::toString);
    assertEquals(scaler.indexOf("StandardSca"), type.get("cursor_start").asInt(), type::toString);

    JsonNode afterClasspath = replies.get(2);
    assertTrue(
        afterClasspath.get("matches").toString().contains("\"get("), afterClasspath::toString);
    assertEquals(
        afterMagic.indexOf("ge"),
        afterClasspath.get("cursor_start").asInt(),
        afterClasspath::toString);

    JsonNode inspected = replies.get(3);
    assertTrue(inspected.get("found").asBoolean(), inspected::toString);
    assertTrue(inspected.at("/data/text~1plain").asText().contains("max(int"), inspected::toString);

    assertEquals(0, replies.get(4).get("matches").size(), replies.get(4)::toString);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      return "(no " + file + ")";
    }
  }
}
