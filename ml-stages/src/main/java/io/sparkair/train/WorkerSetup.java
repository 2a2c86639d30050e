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

import io.sparkair.data.BlockSet;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.collective.CollectiveGroup;
import java.io.Serializable;
import java.util.Map;

/** What one worker of one attempt is given: its place in the group, shards and reporting. */
final class WorkerSetup implements Serializable {
  private static final long serialVersionUID = 1L;

  final int rank;
  final int worldSize;
  final int localRank;
  final int cpus;
  final Map<String, BlockSet> shards;
  final String resumeFrom;
  final String runDir;
  final String preprocessorJson;
  final ActorRef<ReportSink> sink;
  final ActorRef<CollectiveGroup> collectives;

  WorkerSetup(
      int rank,
      int worldSize,
      int localRank,
      int cpus,
      Map<String, BlockSet> shards,
      String resumeFrom,
      String runDir,
      String preprocessorJson,
      ActorRef<ReportSink> sink,
      ActorRef<CollectiveGroup> collectives) {
    this.rank = rank;
    this.worldSize = worldSize;
    this.localRank = localRank;
    this.cpus = cpus;
    this.shards = shards;
    this.resumeFrom = resumeFrom;
    this.runDir = runDir;
    this.preprocessorJson = preprocessorJson;
    this.sink = sink;
    this.collectives = collectives;
  }
}
