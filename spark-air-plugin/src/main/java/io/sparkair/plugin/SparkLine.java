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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Spark line this build of Spark AIR was made for, and the check that the Spark it runs in is
 * of that line. A build runs only on its own line: the Spark and Scala binary interfaces and the
 * Arrow version differ between lines, and a mismatch would otherwise surface as a {@code
 * NoSuchMethodError} deep in a task.
 */
public final class SparkLine {
  /** The Scala binary version of every line Spark AIR is built for. */
  static final Map<String, String> LINES = Map.of("3.5", "2.12", "4.0", "2.13", "4.2", "2.13");

  private final String line;
  private final String scalaBinary;

  SparkLine(String line, String scalaBinary) {
    this.line = line;
    this.scalaBinary = scalaBinary;
  }

  /** The line of this build, as the build recorded it. */
  public static SparkLine built() {
    return Built.LINE;
  }

  /** Reads the build's record once, on first use. */
  private static final class Built {
    static final SparkLine LINE = read();

    private static SparkLine read() {
      Properties built = new Properties();
      try (InputStream in = SparkLine.class.getResourceAsStream("spark-line.properties")) {
        if (in == null) {
          throw new IllegalStateException("spark-line.properties is missing from Spark AIR's jar");
        }
        built.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new SparkLine(built.getProperty("line"), built.getProperty("scala"));
    }
  }

  /** The Spark line, such as {@code 4.2}. */
  public String line() {
    return line;
  }

  /** The Scala binary version, such as {@code 2.13}. */
  public String scala() {
    return scalaBinary;
  }

  /**
   * The name of the runtime jar artifact of this line, such as {@code spark-air-runtime-4.2_2.13}.
   */
  public String runtimeArtifact() {
    return artifact(line, scalaBinary);
  }

  /**
   * Fails unless the Spark and Scala of this JVM are the ones this build was made for.
   *
   * @throws IllegalStateException naming both versions and the artifact to use instead
   */
  public void requireRunning() {
    mismatch(
            org.apache.spark.package$.MODULE$.SPARK_VERSION(),
            scala.util.Properties.versionNumberString())
        .ifPresent(
            message -> {
              throw new IllegalStateException(message);
            });
  }

  /** Why this build cannot run on the given Spark and Scala versions, if it cannot. */
  Optional<String> mismatch(String sparkVersion, String scalaVersion) {
    String runningLine = majorMinor(sparkVersion);
    String runningScala = majorMinor(scalaVersion);
    if (line.equals(runningLine) && scalaBinary.equals(runningScala)) {
      return Optional.empty();
    }
    String use =
        runningScala.equals(LINES.get(runningLine))
            ? "use " + artifact(runningLine, runningScala) + " instead"
            : "Spark AIR is built for "
                + new TreeMap<>(LINES)
                    .entrySet().stream()
                        .map(e -> "Spark " + e.getKey() + " (Scala " + e.getValue() + ")")
                        .collect(Collectors.joining(", "))
                + " only";
    return Optional.of(
        runtimeArtifact()
            + " is built for Spark "
            + line
            + " with Scala "
            + scalaBinary
            + ", but this application runs Spark "
            + sparkVersion
            + " with Scala "
            + scalaVersion
            + ": "
            + use);
  }

  private static String artifact(String line, String scala) {
    return "spark-air-runtime-" + line + "_" + scala;
  }

  private static String majorMinor(String version) {
    String[] parts = version.split("[.-]");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }
}
