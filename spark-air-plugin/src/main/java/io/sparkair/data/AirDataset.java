package io.sparkair.data;

import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirSettings;
import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.ActorLocation;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.cluster.HostService;
import io.sparkair.runtime.store.BlockId;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.reflect.ClassTag$;

/**
 * A distributed dataset of Arrow blocks held in the executors' object stores: a schema and an
 * ordered list of block references. The rows never pass through the driver.
 *
 * <pre>{@code
 * AirDataset ds = Air.get(spark).fromDataFrame(df);
 * long n = ds.count();
 * ds.toDataFrame().show();
 * ds.close();
 * }</pre>
 *
 * <p>Immutable. {@link #close()} releases the blocks; a dataset that becomes unreachable
 * without being closed releases them when it is garbage-collected.
 */
public final class AirDataset implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AirDataset.class);
  private static final Cleaner CLEANER = Cleaner.create();
  /** Rows per Arrow record batch: 64,512 doubles fill a 512 KiB buffer with little rounding. */
  static final int BATCH_ROWS = 64_512;

  private final Air air;
  private final SparkSession spark;
  private final StructType schema;
  private final List<BlockRef> blocks;
  private final String name;
  private final Release release;
  private final Cleaner.Cleanable cleanable;

  private AirDataset(Air air, SparkSession spark, StructType schema, List<BlockRef> blocks,
      String name) {
    this.air = air;
    this.spark = spark;
    this.schema = schema;
    this.blocks = List.copyOf(blocks);
    this.name = name;
    this.release = new Release(air.runtime(), this.blocks);
    this.cleanable = CLEANER.register(this, release);
  }

  /**
   * Converts a DataFrame with one Spark job: each task writes its partition into the store of
   * the executor it runs on.
   *
   * @throws IllegalArgumentException if a column's type cannot be held as Arrow
   */
  public static AirDataset fromDataFrame(Air air, Dataset<Row> df) {
    Objects.requireNonNull(df, "df");
    SparkSession spark = df.sparkSession();
    StructType schema = df.schema();
    String timeZone = spark.sessionState().conf().sessionLocalTimeZone();
    ArrowSchemas.toArrow(schema, timeZone);
    int partitions = df.rdd().getNumPartitions();
    WriteBlocks write = new WriteBlocks(air.settings(), schema, timeZone, BATCH_ROWS);
    spark.sparkContext().setJobDescription("AIR fromDataFrame: " + partitions + " partitions");
    List<BlockRef> blocks = new ArrayList<>();
    try {
      Object collected = df.queryExecution().toRdd()
          .mapPartitions(write, false, ClassTag$.MODULE$.apply(BlockRef.class))
          .collect();
      for (Object ref : (Object[]) collected) {
        blocks.add((BlockRef) ref);
      }
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    return new AirDataset(air, spark, schema, blocks, "AirDataset(" + partitions + " partitions)");
  }

  /** The dataset's Spark schema. */
  public StructType schema() {
    return schema;
  }

  /** The blocks, in order. */
  public List<BlockRef> blocks() {
    return blocks;
  }

  /** Number of rows; known without reading any block. */
  public long count() {
    return blocks.stream().mapToLong(BlockRef::rows).sum();
  }

  /** Bytes of the blocks' Arrow buffers. */
  public long sizeBytes() {
    return blocks.stream().mapToLong(BlockRef::bytes).sum();
  }

  /** Rows per executor. */
  public Map<String, Long> rowsPerExecutor() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (BlockRef b : blocks) {
      rows.merge(b.executor(), b.rows(), Long::sum);
    }
    return rows;
  }

  /**
   * The dataset as a DataFrame. Each block is one partition, scheduled preferably on the
   * executor that holds it and read there as Spark columnar batches over the block's buffers.
   */
  public Dataset<Row> toDataFrame() {
    requireOpen();
    BlockTable table = new BlockTable(name, schema, blocks, air.settings());
    DataSourceV2Relation relation = DataSourceV2Relation.create(table, Option.empty(),
        Option.empty(), CaseInsensitiveStringMap.empty());
    return Dataset.ofRows(spark, relation);
  }

  /** The first {@code n} rows, on the driver. */
  public List<Row> take(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("take(n) needs n >= 0, got " + n);
    }
    return toDataFrame().limit(n).collectAsList();
  }

  /** Prints the first {@code n} rows as a table. */
  public void show(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("show(n) needs n >= 0, got " + n);
    }
    toDataFrame().show(n, false);
  }

  /** True until {@link #close()}. */
  public boolean isOpen() {
    return !release.done.get();
  }

  private void requireOpen() {
    if (!isOpen()) {
      throw new IllegalStateException(name + " is closed");
    }
  }

  /** Releases the blocks in the executors' stores. */
  @Override
  public void close() {
    cleanable.clean();
  }

  @Override
  public String toString() {
    return name + ": " + count() + " rows in " + blocks.size() + " blocks, " + schema.simpleString();
  }

  /** Releases blocks once, from close() or from the cleaner; holds no reference to the dataset. */
  private static final class Release implements Runnable {
    private final AirRuntime runtime;
    private final List<BlockRef> blocks;
    private final AtomicBoolean done = new AtomicBoolean();

    Release(AirRuntime runtime, List<BlockRef> blocks) {
      this.runtime = runtime;
      this.blocks = blocks;
    }

    @Override
    public void run() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      Map<ActorLocation, List<BlockId>> byNode = new LinkedHashMap<>();
      for (BlockRef b : blocks) {
        byNode.computeIfAbsent(new ActorLocation(b.executor(), b.address()),
            k -> new ArrayList<>()).add(b.id());
      }
      byNode.forEach((location, ids) -> {
        try {
          new ActorRef<HostService>(HostService.ID, "host@" + location.node(), location, runtime)
              .tell(h -> {
                h.release(ids);
                return null;
              });
        } catch (RuntimeException e) {
          LOG.debug("could not release {} blocks on {}", ids.size(), location.node(), e);
        }
      });
    }
  }

  /** Settings used by tasks; exposed for the readers in this package. */
  AirSettings settings() {
    return air.settings();
  }
}
