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

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sparkair.plugin.SparkLine;
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
 * The runtime jar of another Spark line, given to {@code spark-submit} by mistake, stops the
 * application when the plugin starts, with a message naming both Spark versions and the jar to use,
 * not with a {@code NoSuchMethodError} in a task. It needs that other line's jar: {@code
 * scripts/verify-all-lines.sh} passes one ({@code -Dair.other.line.runtime.jar}: Spark 4.2's to the
 * 3.5 build, Spark 3.5's to the 4.0 build); a build of one line alone skips it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WrongLineRuntimeJarTest {

  @Test
  void aRuntimeJarOfAnotherLineIsRefusedWhenThePluginStarts(@TempDir Path dir) throws Exception {
    String other = System.getProperty("air.other.line.runtime.jar", "");
    assumeTrue(
        !other.isBlank(),
        "needs another Spark line's runtime jar "
            + "(-Dair.other.line.runtime.jar), which scripts/verify-all-lines.sh passes");
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
    command.addAll(List.of(System.getProperty("air.jvm.options", "").trim().split("\\s+")));
    command.addAll(
        List.of(
            "-cp",
            LocalCluster.sparkOnlyClasspath(),
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[1]",
            "--conf",
            "spark.plugins=io.sparkair.plugin.AirPlugin",
            "--jars",
            other,
            "--class",
            "io.sparkair.examples.BreastCancer",
            LocalCluster.examplesJar(),
            "local[1]"));
    Path log = dir.resolve("submit.log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(process.waitFor(150, TimeUnit.SECONDS), "spark-submit ended");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertNotEquals(0, process.exitValue(), output);
    SparkLine here = SparkLine.built();
    String running = org.apache.spark.package$.MODULE$.SPARK_VERSION();
    assertTrue(
        output.contains("is built for Spark ")
            && !output.contains("is built for Spark " + here.line() + " ")
            && output.contains("this application runs Spark " + running)
            && output.contains("use " + here.runtimeArtifact() + " instead"),
        output);
    assertTrue(!output.contains("NoSuchMethodError") && !output.contains("best trial"), output);
  }
}
