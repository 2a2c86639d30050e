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

import io.sparkair.plugin.AirPlugin;
import java.io.File;
import org.apache.spark.sql.SparkSession;

/**
 * Starts Spark in {@code local-cluster} mode: a standalone master and workers inside this JVM, and
 * every executor in a JVM of its own.
 */
final class LocalCluster {
  private LocalCluster() {}

  /** The test JVM's classpath, which executors load the project and Spark from. */
  static String testClasspath() {
    return System.getProperty("java.class.path");
  }

  /**
   * The test classpath without this project's code, the ML libraries and the test-only libraries:
   * what a Spark installation holds (datasketches included: Spark's SQL functions use its own;
   * spark-yarn too, as in a distribution built for YARN).
   */
  static String sparkOnlyClasspath() {
    return java.util.Arrays.stream(testClasspath().split(File.pathSeparator))
        .filter(
            p ->
                !p.contains("/io/sparkair/")
                    && !p.contains("/target/")
                    && !p.contains("/ml/dmlc/")
                    && !p.contains("/ai/djl/")
                    && !p.contains("/io/github/metarank/")
                    && !p.contains("/io/grpc/")
                    && !p.contains("/arrow/flight")
                    && !p.contains("/hadoop-client-minicluster/")
                    && !p.contains("/org/bouncycastle/")
                    && !p.contains("/javax/xml/bind/")
                    && !p.contains("/org/junit/"))
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }

  /** The application jar of the seed programs built by the examples module. */
  static String examplesJar() {
    return existing("air.examples.jar");
  }

  /** The shaded runtime jar built by the spark-air-plugin module. */
  static String runtimeJar() {
    return existing("air.runtime.jar");
  }

  /** The guava jar a Spark distribution of this line puts first on the classpath. */
  static String distGuavaJar() {
    return existing("air.dist.guava.jar");
  }

  private static String existing(String property) {
    String path = System.getProperty(property);
    if (path == null || !new File(path).isFile()) {
      throw new IllegalStateException(
          property
              + " does not name a file: "
              + path
              + " (run the build with 'mvn verify' so that the jar is packaged first)");
    }
    return path;
  }

  /**
   * A session on two one-core executors.
   *
   * @param plugin whether spark.plugins names the Spark AIR plugin
   * @param executorClasspath the executors' classpath
   */
  static SparkSession start(boolean plugin, String executorClasspath) {
    return builder(plugin, executorClasspath).getOrCreate();
  }

  /** The settings of {@link #start}, to add to before the session starts. */
  static SparkSession.Builder builder(boolean plugin, String executorClasspath) {
    SparkSession.Builder b =
        SparkSession.builder()
            .master("local-cluster[2,1,1024]")
            .appName("spark-air-it")
            .config("spark.ui.enabled", "false")
            .config("spark.executor.extraClassPath", executorClasspath)
            .config("spark.executor.extraJavaOptions", System.getProperty("air.jvm.options", ""))
            .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.12")
            .config("spark.executorEnv.SPARK_TESTING", "1")
            .config("spark.air.slots.timeoutSeconds", "30");
    if (plugin) {
      b.config("spark.plugins", AirPlugin.class.getName());
    }
    return b;
  }
}
