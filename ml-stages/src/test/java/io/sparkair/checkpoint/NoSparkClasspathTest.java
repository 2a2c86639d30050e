package io.sparkair.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packages {@code preprocess}, {@code checkpoint} and {@code predict} load and run in a JVM
 * with no Spark, Scala, Hadoop or Spark AIR plugin jar on its classpath, as the serving sidecar
 * runs.
 */
class NoSparkClasspathTest {
  private static final List<String> SPARK_SIDE = List.of("/org/apache/spark/",
      "/org/scala-lang/", "/org/apache/hadoop/", "/org/json4s/", "spark-air-plugin",
      "actor-runtime", "jackson-module-scala");

  @Test
  void preprocessorsCheckpointsAndPredictorsRunWithoutSpark() throws Exception {
    List<String> classpath = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String normalized = entry.replace('\\', '/');
      if (SPARK_SIDE.stream().anyMatch(normalized::contains)) {
        dropped.add(entry);
      } else {
        classpath.add(entry);
      }
    }
    assertTrue(dropped.stream().anyMatch(e -> e.contains("spark-core")),
        "the test classpath should have had Spark to drop: " + dropped);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp", String.join(File.pathSeparator, classpath), NoSparkMain.class.getName())
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.trim().endsWith("OK"), output);
    assertFalse(output.contains("Exception"), output);
  }
}
