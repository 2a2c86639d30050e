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

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A YARN cluster inside the test JVM, as Spark's own YARN suites run one: Hadoop's {@code
 * MiniYARNCluster} with a ResourceManager and one NodeManager whose containers are JVMs of their
 * own. Spark reaches it through a Hadoop configuration folder, as it reaches a real cluster through
 * {@code HADOOP_CONF_DIR}; containers load Spark from the jars of this test's classpath, named as
 * {@code local:} files in {@code spark.yarn.jars} (a Spark installation on every node).
 */
final class MiniYarn implements AutoCloseable {
  private final MiniYARNCluster cluster;
  private final Path confDir;

  private MiniYarn(MiniYARNCluster cluster, Path confDir) {
    this.cluster = cluster;
    this.confDir = confDir;
  }

  /**
   * Starts the ResourceManager and a NodeManager of 4 vcores and 8 GiB, and writes the cluster's
   * {@code yarn-site.xml} into {@code dir/hadoop-conf}.
   */
  static MiniYarn start(Path dir) throws Exception {
    YarnConfiguration conf = new YarnConfiguration();
    conf.setInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, 8192);
    conf.setInt(YarnConfiguration.NM_VCORES, 4);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100f);
    // one capacity-scheduler queue taking the whole cluster (no capacity-scheduler.xml ships)
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
    conf.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
    conf.setFloat("yarn.scheduler.capacity.root.default.user-limit-factor", 1);
    conf.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
    conf.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
    conf.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
    conf.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
    MiniYARNCluster cluster = new MiniYARNCluster("spark-air", 1, 1, 1);
    cluster.init(conf);
    cluster.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (cluster.getConfig().get(YarnConfiguration.RM_ADDRESS, "").endsWith(":0")) {
      if (System.nanoTime() > deadline) {
        cluster.stop();
        throw new IllegalStateException("the ResourceManager did not bind within 60 s");
      }
      Thread.sleep(100);
    }
    Path confDir = Files.createDirectories(dir.resolve("hadoop-conf"));
    try (OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
      cluster.getConfig().writeXml(out);
    }
    return new MiniYarn(cluster, confDir);
  }

  /** The folder to give Spark as {@code HADOOP_CONF_DIR}. */
  Path confDir() {
    return confDir;
  }

  /** The cluster's YARN settings as {@code spark.hadoop.*} entries, for a driver in this JVM. */
  Map<String, String> sparkHadoopSettings() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : cluster.getConfig()) {
      if (e.getKey().startsWith("yarn.")) {
        out.put("spark.hadoop." + e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * Settings every application on this cluster takes: Spark's jars from the local disk, {@code
   * JAVA_HOME} and the JDK 17 module options in every container, small containers.
   */
  static Map<String, String> sparkSettings() {
    String javaHome = System.getProperty("java.home");
    String opens = System.getProperty("air.jvm.options", "");
    Map<String, String> out = new LinkedHashMap<>();
    out.put(
        "spark.yarn.jars",
        Stream.of(LocalCluster.sparkOnlyClasspath().split(File.pathSeparator))
            .filter(p -> p.endsWith(".jar"))
            .map(p -> "local:" + p)
            .collect(Collectors.joining(",")));
    out.put("spark.yarn.appMasterEnv.JAVA_HOME", javaHome);
    out.put("spark.executorEnv.JAVA_HOME", javaHome);
    out.put("spark.yarn.am.memory", "512m");
    out.put("spark.yarn.am.extraJavaOptions", opens);
    out.put("spark.driver.extraJavaOptions", opens);
    out.put("spark.executor.extraJavaOptions", opens);
    out.put("spark.driver.memory", "1g");
    out.put("spark.executor.memory", "1g");
    out.put("spark.executor.instances", "2");
    out.put("spark.executor.cores", "1");
    out.put("spark.air.slots.timeoutSeconds", "60");
    return out;
  }

  /**
   * The lines every container of an application wrote to {@code file} ({@code stdout} or {@code
   * stderr}), one entry per container, from the NodeManager's log folders.
   */
  Map<String, String> containerLogs(String applicationId, String file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Configuration nm = cluster.getNodeManager(0).getConfig();
    for (String logDir : nm.getTrimmedStrings(YarnConfiguration.NM_LOG_DIRS)) {
      Path appDir = Path.of(logDir.replaceFirst("^file:", "")).resolve(applicationId);
      if (!Files.isDirectory(appDir)) {
        continue;
      }
      try (Stream<Path> containers = Files.list(appDir)) {
        for (Path container : containers.sorted().collect(Collectors.toList())) {
          Path log = container.resolve(file);
          if (Files.isRegularFile(log)) {
            out.put(
                container.getFileName().toString(), Files.readString(log, StandardCharsets.UTF_8));
          }
        }
      }
    }
    return out;
  }

  /**
   * The command that submits the breast-cancer program to this cluster in {@code deployMode}:
   * SparkSubmit on Spark's jars and the Hadoop configuration folder, the runtime jar in {@code
   * --jars}, the examples jar as the application.
   */
  List<String> submitCommand(String deployMode) {
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
    command.addAll(List.of(System.getProperty("air.jvm.options", "").trim().split("\\s+")));
    command.addAll(
        List.of(
            "-cp",
            confDir + File.pathSeparator + LocalCluster.sparkOnlyClasspath(),
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "yarn",
            "--deploy-mode",
            deployMode,
            "--conf",
            "spark.plugins=io.sparkair.plugin.AirPlugin",
            "--conf",
            "spark.air.serve.jar=" + System.getProperty("spark.air.serve.jar")));
    sparkSettings().forEach((k, v) -> command.addAll(List.of("--conf", k + "=" + v)));
    command.addAll(
        List.of(
            "--jars",
            LocalCluster.runtimeJar(),
            "--class",
            "io.sparkair.examples.BreastCancer",
            LocalCluster.examplesJar(),
            "yarn"));
    return command;
  }

  /** Starts {@code command} with {@code HADOOP_CONF_DIR} set, its output in {@code log}. */
  Process launch(List<String> command, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(log.getParent().toFile());
    builder.environment().put("HADOOP_CONF_DIR", confDir.toString());
    return builder.start();
  }

  @Override
  public void close() {
    cluster.stop();
  }
}
