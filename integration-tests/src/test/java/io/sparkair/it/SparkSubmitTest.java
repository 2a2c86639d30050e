package io.sparkair.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breast-cancer program submitted as a user submits a Spark job: {@code SparkSubmit} on a
 * classpath of Spark's jars only, the runtime jar in {@code --jars}, the examples jar as the
 * application, {@code spark.plugins} on the command line, a {@code local-cluster} of two
 * executor JVMs that receive the project's code from Spark, not from their classpath.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SparkSubmitTest {
  /** The test classpath without this project's code and the ML libraries: a Spark install. */
  private static String sparkClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.contains("/io/sparkair/") && !p.contains("/target/")
            && !p.contains("/ml/dmlc/") && !p.contains("/ai/djl/")
            && !p.contains("/io/github/metarank/") && !p.contains("/datasketches/")
            && !p.contains("/io/grpc/") && !p.contains("/arrow/flight"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void theBreastCancerProgramRunsUnderSparkSubmit(@TempDir Path dir) throws Exception {
    String examplesJar = System.getProperty("air.examples.jar");
    assertTrue(examplesJar != null && new File(examplesJar).isFile(),
        "the examples jar is built: " + examplesJar);
    String opens = System.getProperty("air.jvm.options", "");
    String master = "local-cluster[2,1,1024]";
    List<String> command = new ArrayList<>(List.of(
        System.getProperty("java.home") + "/bin/java"));
    command.addAll(List.of(opens.trim().split("\\s+")));
    command.addAll(List.of("-Dspark.air.serve.jar=" + System.getProperty("spark.air.serve.jar"),
        "-cp", sparkClasspath(), "org.apache.spark.deploy.SparkSubmit",
        "--master", master,
        "--conf", "spark.plugins=io.sparkair.plugin.AirPlugin",
        "--conf", "spark.executor.extraClassPath=" + sparkClasspath(),
        "--conf", "spark.executor.extraJavaOptions=" + opens,
        "--conf", "spark.executorEnv.SPARK_SCALA_VERSION=2.12",
        "--conf", "spark.executorEnv.SPARK_TESTING=1",
        "--jars", LocalCluster.runtimeJar(),
        "--class", "io.sparkair.examples.BreastCancer",
        examplesJar, master));
    Path log = dir.resolve("submit.log");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = process.waitFor(240, TimeUnit.SECONDS);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!ended) {
      process.destroyForcibly();
    }
    assertTrue(ended, "spark-submit ended: " + tail(output));
    assertEquals(0, process.exitValue(), tail(output));
    assertTrue(output.contains("best trial: {params={max_depth="), tail(output));
    assertTrue(output.contains("the service answered: 200 [{\"prediction\""), tail(output));
  }

  private static String tail(String output) {
    return output.substring(Math.max(0, output.length() - 4000));
  }
}
