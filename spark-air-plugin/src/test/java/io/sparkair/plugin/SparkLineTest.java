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
package io.sparkair.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkLineTest {

  @Test
  void theBuildIsForTheSparkItIsTestedWith() {
    SparkLine built = SparkLine.built();
    String running = org.apache.spark.package$.MODULE$.SPARK_VERSION();
    assertTrue(running.startsWith(built.line() + "."), built.line() + " vs " + running);
    assertTrue(scala.util.Properties.versionNumberString().startsWith(built.scala() + "."));
    assertEquals(
        "spark-air-runtime-" + built.line() + "_" + built.scala(), built.runtimeArtifact());
    built.requireRunning();
  }

  @Test
  void anotherLineIsRefusedNamingBothVersionsAndTheJarToUse() {
    SparkLine spark4 = new SparkLine("4.2", "2.13");
    String message = spark4.mismatch("3.5.9", "2.12.18").orElseThrow();
    assertTrue(
        message.contains("spark-air-runtime-4.2_2.13 is built for Spark 4.2 with Scala " + "2.13")
            && message.contains("runs Spark 3.5.9 with Scala 2.12.18")
            && message.endsWith("use spark-air-runtime-3.5_2.12 instead"),
        message);

    String back = new SparkLine("3.5", "2.12").mismatch("4.2.0", "2.13.18").orElseThrow();
    assertTrue(back.endsWith("use spark-air-runtime-4.2_2.13 instead"), back);
    assertEquals(Optional.empty(), spark4.mismatch("4.2.1-SNAPSHOT", "2.13.16"));
  }

  @Test
  void aLineOrScalaWithNoBuildIsNamedAsSuch() {
    String unbuilt = new SparkLine("4.2", "2.13").mismatch("4.1.0", "2.13.17").orElseThrow();
    assertTrue(
        unbuilt.contains("runs Spark 4.1.0")
            && unbuilt.contains(
                "built for Spark 3.5 (Scala 2.12), Spark 4.0 (Scala 2.13), Spark 4.2 "
                    + "(Scala 2.13) only"),
        unbuilt);
    String scala213 = new SparkLine("3.5", "2.12").mismatch("3.5.9", "2.13.8").orElseThrow();
    assertTrue(
        scala213.contains("with Scala 2.13.8") && scala213.contains("Spark 3.5 (Scala 2.12)"),
        scala213);
  }
}
