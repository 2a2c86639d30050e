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

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.spark.AirSettings;
import io.sparkair.spark.SparkShim;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.storage.BlockManagerId;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag$;

/**
 * Starts the runtime in executors that run without the plugin (a session made before Spark AIR was
 * on it, as in a notebook): a Spark job with one task placed on each such executor.
 */
final class ExecutorAttach {
  private static final int ATTEMPTS = 3;

  private final SparkContext sc;
  private final AirSettings settings;
  private final AirRuntime runtime;

  ExecutorAttach(SparkContext sc, AirSettings settings, AirRuntime runtime) {
    this.sc = sc;
    this.settings = settings;
    this.runtime = runtime;
  }

  /** Starts the runtime in every executor the application has now. */
  void existingExecutors() {
    if (sc.isLocal()) {
      return;
    }
    Map<String, String> executors =
        JavaConverters.mapAsJavaMap(sc.env().blockManager().master().getMemoryStatus())
            .keySet()
            .stream()
            .filter(id -> !"driver".equals(id.executorId()))
            .collect(Collectors.toMap(BlockManagerId::executorId, BlockManagerId::host));
    executors(executors);
  }

  /**
   * Starts the runtime in the executors given (id to host) that have none registered yet; a task
   * that Spark placed elsewhere is retried, {@value #ATTEMPTS} times in all.
   */
  void executors(Map<String, String> executors) {
    if (executors.isEmpty()) {
      return;
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Set<String> registered =
          runtime.nodes().stream().map(NodeInfo::nodeId).collect(Collectors.toSet());
      Map<String, List<String>> targets = new HashMap<>();
      executors.forEach(
          (id, host) -> {
            if (!registered.contains(id)) {
              targets.put(id, List.of("executor_" + host + "_" + id));
            }
          });
      if (targets.isEmpty()) {
        return;
      }
      sc.setJobGroup(
          "spark-air-attach",
          "Spark AIR: start the runtime in " + targets.size() + " executors",
          false);
      try {
        SparkShim.withLocations(sc, targets)
            .mapPartitions(
                new AttachRuntime(settings), false, ClassTag$.MODULE$.apply(String.class))
            .collect();
      } finally {
        sc.clearJobGroup();
      }
    }
  }
}
