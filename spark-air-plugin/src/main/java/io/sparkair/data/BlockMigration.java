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
package io.sparkair.data;

import io.sparkair.runtime.cluster.NodeInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the blocks of open datasets off an executor that is being decommissioned, so that reading
 * them afterwards needs no recompute. Called by the driver's plugin when an executor announces its
 * decommission.
 */
public final class BlockMigration {
  private static final Logger LOG = LoggerFactory.getLogger(BlockMigration.class);

  private BlockMigration() {}

  /**
   * Copies every block held by {@code executor} for an open dataset to the other executors, spread
   * in turn, and makes the datasets read the copies.
   *
   * @return the number of blocks moved; blocks that could not be moved are recomputed when read
   */
  public static int moveOff(DataContext air, String executor) {
    List<NodeInfo> targets =
        air.nodes().stream().filter(n -> !n.nodeId().equals(executor)).collect(Collectors.toList());
    if (targets.isEmpty()) {
      LOG.warn(
          "executor {} is leaving and no other executor can take its blocks; they will be "
              + "recomputed when read",
          executor);
      return 0;
    }
    int moved = 0;
    for (Lineage lineage : Lineage.open(air)) {
      try {
        moved += lineage.moveOff(executor, targets);
      } catch (RuntimeException e) {
        LOG.warn(
            "could not move blocks off executor {}; they will be recomputed when read",
            executor,
            e);
      }
    }
    return moved;
  }
}
