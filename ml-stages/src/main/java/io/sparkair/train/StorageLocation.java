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
package io.sparkair.train;

import io.sparkair.plugin.Air;
import io.sparkair.runtime.cluster.NodeInfo;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;

/**
 * Checks that a run's storage path is one place for every executor: workers write checkpoints and
 * results there, and the driver and other executors read them back.
 */
public final class StorageLocation {
  /** Set to {@code true} when a local path is a mount every host shares (NFS, for example). */
  public static final String LOCAL_PATH_SHARED = "spark.air.storage.localPathShared";

  private StorageLocation() {}

  /**
   * Fails at once when {@code path} is a local path (no scheme, or {@code file:}) and the session's
   * executors run on more than one host, unless {@value #LOCAL_PATH_SHARED} says the path is
   * shared.
   *
   * @throws IllegalArgumentException naming the path and the hosts
   */
  public static void requireReachable(String path, SparkSession spark) {
    requireReachable(
        path,
        Air.get(spark).nodes(),
        spark.sparkContext().conf().getBoolean(LOCAL_PATH_SHARED, false));
  }

  static void requireReachable(String path, List<NodeInfo> nodes, boolean declaredShared) {
    if (declaredShared || !isLocal(path)) {
      return;
    }
    Set<String> hosts = new TreeSet<>();
    for (NodeInfo node : nodes) {
      hosts.add(node.address().substring(0, node.address().lastIndexOf(':')));
    }
    if (hosts.size() > 1) {
      throw new IllegalArgumentException(
          "storage path "
              + path
              + " is on each machine's own "
              + "disk, but executors run on hosts "
              + hosts
              + ": checkpoints written on one could "
              + "not be read on another. Use a URI every executor reaches (hdfs://, s3a://, gs://, "
              + "abfs://), or set "
              + LOCAL_PATH_SHARED
              + "=true if the path is a shared mount");
    }
  }

  private static boolean isLocal(String path) {
    try {
      String scheme = new URI(path).getScheme();
      return scheme == null || "file".equals(scheme);
    } catch (java.net.URISyntaxException e) {
      return true;
    }
  }
}
