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

import io.sparkair.runtime.actor.ActorLocation;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.spark.SparkShim;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.rdd.PartitionPruningRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * How to make a dataset's blocks again: the DataFrame they were converted from and the partition
 * behind each block. Shared by a dataset and every dataset derived from it without moving data
 * (slices, unions, shards). When a block's executor is gone, the next read recomputes the lost
 * partitions with one Spark job, on a freshly planned copy of the source (so a source that itself
 * reads AIR blocks resolves its own losses), and every dataset that shares the lineage reads the
 * new block in place of the old one.
 *
 * <p>The recomputed blocks are held by the lineage, and released when the last dataset that shares
 * it closes. Until then the executors that hold its blocks are pinned against dynamic allocation's
 * release ({@link ExecutorPins}).
 *
 * <p>The class is a little over 300 lines because recomputing, holding and moving a lineage's
 * blocks share the map of its partitions and one lock.
 */
final class Lineage {
  private static final Logger LOG = LoggerFactory.getLogger(Lineage.class);

  private static final Set<Lineage> OPEN = ConcurrentHashMap.newKeySet();

  private final DataContext air;
  private final String name;
  private final Dataset<Row> source;
  private final WriteBlocks write;
  private final Map<BlockId, BlockRef> originals = new LinkedHashMap<>();
  private final Map<BlockId, Integer> partitionOf = new HashMap<>();
  private final Map<BlockId, BlockRef> replaced = new HashMap<>();
  private final ExecutorPins pins = new ExecutorPins();

  /**
   * @param writes the pinned RDD of the job that wrote the blocks (see {@link ExecutorPins})
   */
  Lineage(
      DataContext air,
      String name,
      Dataset<Row> source,
      WriteBlocks write,
      RDD<Written> writes,
      List<Written> written) {
    this.air = air;
    this.name = name;
    this.source = source;
    this.write = write;
    this.pins.hold(writes);
    for (Written w : written) {
      partitionOf.put(w.block().id(), w.partition());
      originals.put(w.block().id(), w.block());
    }
  }

  private int sharers;

  /** One more dataset reads through this lineage. */
  synchronized void share() {
    if (sharers++ == 0) {
      OPEN.add(this);
    }
  }

  /** A dataset that read through this lineage closed; the last one frees recomputed blocks. */
  synchronized void unshare() {
    if (--sharers == 0) {
      OPEN.remove(this);
      BlockReferences.release(air.runtime(), new ArrayList<>(replaced.values()));
      pins.release();
    }
  }

  /** The lineages of {@code air} that open datasets read through. */
  static List<Lineage> open(DataContext air) {
    return OPEN.stream().filter(l -> l.air == air).collect(Collectors.toList());
  }

  /**
   * Copies every block of this lineage held by {@code executor} to the {@code targets}, in turn,
   * and reads the copies in their place from now on.
   *
   * @return the number of blocks moved
   */
  synchronized int moveOff(String executor, List<NodeInfo> targets) {
    int moved = 0;
    for (Map.Entry<BlockId, BlockRef> original : originals.entrySet()) {
      BlockRef now = current(List.of(original.getValue())).get(0);
      if (!now.executor().equals(executor)) {
        continue;
      }
      NodeInfo target = targets.get(moved % targets.size());
      BlockId copy =
          BlockReferences.host(air.runtime(), new ActorLocation(target.nodeId(), target.address()))
              .call(h -> h.copyFrom(now.address(), now.id()))
              .join();
      replaced.put(
          original.getKey(), new BlockRef(copy, target.address(), 0, now.rows(), now.bytes()));
      partitionOf.put(copy, partitionOf.get(original.getKey()));
      moved++;
    }
    return moved;
  }

  /** True if this lineage made the block (originally or by recomputing it). */
  synchronized boolean knows(BlockId id) {
    return partitionOf.containsKey(id);
  }

  /** The refs with every known replacement applied; recomputes nothing. */
  synchronized List<BlockRef> current(List<BlockRef> refs) {
    List<BlockRef> out = new ArrayList<>(refs.size());
    for (BlockRef ref : refs) {
      BlockRef now = replaced.get(ref.id());
      while (now != null && replaced.containsKey(now.id())) {
        now = replaced.get(now.id());
      }
      out.add(
          now == null
              ? ref
              : new BlockRef(now.id(), now.address(), ref.offset(), ref.rows(), ref.bytes()));
    }
    return out;
  }

  /** Resolves refs that may come from several lineages, keeping their order. */
  static List<BlockRef> resolve(List<Lineage> lineages, List<BlockRef> refs) {
    List<BlockRef> out = new ArrayList<>(refs);
    for (Lineage lineage : lineages) {
      List<Integer> positions = new ArrayList<>();
      List<BlockRef> mine = new ArrayList<>();
      for (int i = 0; i < refs.size(); i++) {
        if (lineage.knows(refs.get(i).id())) {
          positions.add(i);
          mine.add(refs.get(i));
        }
      }
      if (!mine.isEmpty()) {
        List<BlockRef> resolved = lineage.resolve(mine);
        for (int j = 0; j < positions.size(); j++) {
          out.set(positions.get(j), resolved.get(j));
        }
      }
    }
    return out;
  }

  /**
   * The refs, with blocks whose executor is gone recomputed first.
   *
   * @throws IllegalStateException if a lost block did not come from this lineage's source
   */
  synchronized List<BlockRef> resolve(List<BlockRef> refs) {
    List<BlockRef> now = current(refs);
    Set<String> alive = air.nodes().stream().map(NodeInfo::nodeId).collect(Collectors.toSet());
    Map<Integer, BlockId> lost = new HashMap<>();
    for (int i = 0; i < now.size(); i++) {
      BlockRef ref = now.get(i);
      if (alive.contains(ref.executor())) {
        continue;
      }
      BlockId original = refs.get(i).id();
      Integer partition = partitionOf.get(original);
      if (partition == null) {
        throw new IllegalStateException(
            "block "
                + ref.id()
                + " was lost with executor "
                + ref.executor()
                + " and no lineage can make it again");
      }
      lost.put(partition, original);
    }
    if (lost.isEmpty()) {
      return now;
    }
    LOG.warn(
        "recomputing {} blocks lost with their executors (partitions {})",
        lost.size(),
        new TreeSet<>(lost.keySet()));
    for (Written w : recompute(new TreeSet<>(lost.keySet()))) {
      BlockId original = lost.get(w.partition());
      replaced.put(original, w.block());
      partitionOf.put(w.block().id(), w.partition());
    }
    return current(refs);
  }

  private List<Written> recompute(Set<Integer> partitions) {
    Dataset<Row> fresh = SparkShim.ofRows(source.sparkSession(), SparkShim.logicalPlan(source));
    RDD<Object> rdd = SourceRows.of(fresh);
    RDD<Object> pruned = PartitionPruningRDD.create(rdd, new Keep(partitions));
    source
        .sparkSession()
        .sparkContext()
        .setJobDescription("AIR recompute " + partitions.size() + " lost blocks");
    RDD<Written> writes =
        ExecutorPins.pinWhereComputed(
            pruned.mapPartitions(
                new KeepIndex(write, new ArrayList<>(new TreeSet<>(partitions))),
                false,
                ClassTag$.MODULE$.apply(Written.class)),
            "recomputed blocks of " + name);
    pins.hold(writes);
    try {
      Object[] results = (Object[]) writes.collect();
      List<Written> out = new ArrayList<>();
      for (Object r : results) {
        out.add((Written) r);
      }
      return out;
    } finally {
      source.sparkSession().sparkContext().setJobDescription(null);
    }
  }

  /** Keeps the partitions to recompute. */
  private static final class Keep extends AbstractFunction1<Object, Object>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Set<Integer> partitions;

    Keep(Set<Integer> partitions) {
      this.partitions = new TreeSet<>(partitions);
    }

    @Override
    public Object apply(Object index) {
      return partitions.contains((Integer) index);
    }
  }

  /**
   * Writes a pruned partition and labels it with the original partition index (the pruned RDD
   * numbers its partitions from 0).
   */
  private static final class KeepIndex
      extends AbstractFunction1<
          scala.collection.Iterator<Object>, scala.collection.Iterator<Written>>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final WriteBlocks write;
    private final List<Integer> originals;

    KeepIndex(WriteBlocks write, List<Integer> originals) {
      this.write = write;
      this.originals = originals;
    }

    @Override
    public scala.collection.Iterator<Written> apply(scala.collection.Iterator<Object> rows) {
      int original = originals.get(org.apache.spark.TaskContext.getPartitionId());
      return write.apply(rows).map(new Relabel(original));
    }
  }

  /** Puts the original partition index on a written block. */
  private static final class Relabel extends AbstractFunction1<Written, Written>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int partition;

    Relabel(int partition) {
      this.partition = partition;
    }

    @Override
    public Written apply(Written w) {
      return new Written(partition, w.block());
    }
  }
}
