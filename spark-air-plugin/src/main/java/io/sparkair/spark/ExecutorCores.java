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
package io.sparkair.spark;

import io.sparkair.runtime.Internal;
import java.util.List;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many cores this executor JVM has: {@code spark.executor.cores} when set, else the {@code
 * --cores} argument Spark's standalone worker passed to the executor backend, else 1.
 *
 * <p>Spark tells an executor plugin neither its cores nor its backend's arguments, so without
 * {@code spark.executor.cores} the only source is the JVM's command line ({@code
 * sun.java.command}). This class is the one place that reads it; {@code ExecutorCoresClusterTest}
 * fails when a Spark release stops passing {@code --cores}.
 */
@Internal
public final class ExecutorCores {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorCores.class);

  private ExecutorCores() {}

  /** This executor's cores under {@code conf}. */
  public static int of(SparkConf conf) {
    if (conf.contains("spark.executor.cores")) {
      return conf.getInt("spark.executor.cores", 1);
    }
    return fromCommandLine(System.getProperty("sun.java.command", ""));
  }

  /** The {@code --cores} argument of a Java command line, or 1 without a readable one. */
  static int fromCommandLine(String command) {
    List<String> args = List.of(command.split(" "));
    int i = args.indexOf("--cores");
    if (i >= 0 && i + 1 < args.size()) {
      try {
        return Integer.parseInt(args.get(i + 1));
      } catch (NumberFormatException e) {
        LOG.warn("unreadable --cores argument '{}'; assuming 1 core", args.get(i + 1));
      }
    }
    return 1;
  }
}
