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

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.batch.BatchAggregator;
import io.sparkair.runtime.batch.BatchDataset;
import io.sparkair.runtime.batch.BatchFunction;
import io.sparkair.runtime.memory.Allocators;
import io.sparkair.spark.SparkShim;
import java.io.Serializable;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.ArrowUtils;
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
 * <p>Immutable. {@link #close()} releases the blocks; a dataset that becomes unreachable without
 * being closed releases them when it is garbage-collected.
 *
 * <p>The class is long because it is the dataset's whole user API, as Spark's {@code Dataset} is:
 * one documented method per operation; the work is in the package's other classes ({@code
 * WriteBlocks}, {@code Lineage}, {@code BlockTable}, {@code Shards}).
 */
public final class AirDataset implements BatchDataset<AirDataset>, AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  /**
   * The rows per Arrow batch in the blocks a conversion writes, and a good batch size to ask for:
   * 64,512 doubles fill a 512 KiB buffer with little rounding.
   */
  public static final int BATCH_ROWS = BatchDataset.DEFAULT_BATCH_ROWS;

  private final DataContext air;
  private final SparkSession spark;
  private final StructType schema;
  private final StructType stored;
  private final List<BlockRef> blocks;
  private final String name;
  private final List<Lineage> lineages;
  private final Release release;
  private final Cleaner.Cleanable cleanable;

  private AirDataset(
      DataContext air,
      SparkSession spark,
      StructType schema,
      StructType stored,
      List<BlockRef> blocks,
      String name,
      List<Lineage> lineages) {
    this.air = air;
    this.spark = spark;
    this.schema = schema;
    this.stored = stored;
    this.blocks = List.copyOf(blocks);
    this.name = name;
    this.lineages = List.copyOf(lineages);
    this.lineages.forEach(Lineage::share);
    this.release = new Release(air.runtime(), this.blocks, this.lineages);
    this.cleanable = CLEANER.register(this, release);
  }

  /**
   * Converts a DataFrame with one Spark job: each task writes its partition into the store of the
   * executor it runs on.
   *
   * @throws IllegalArgumentException if a column's type cannot be held as Arrow
   */
  public static AirDataset fromDataFrame(DataContext air, Dataset<Row> original) {
    Objects.requireNonNull(original, "df");
    SparkSession spark = original.sparkSession();
    StructType userSchema = original.schema();
    Dataset<Row> df = MlVectors.toArrays(original);
    StructType schema = df.schema();
    String timeZone = spark.sessionState().conf().sessionLocalTimeZone();
    ArrowSchemas.toArrow(schema, timeZone);
    air.requireFreeSlot("converting a DataFrame");
    RDD<Object> source = SourceRows.of(df);
    int partitions = source.getNumPartitions();
    WriteBlocks write = new WriteBlocks(air.settings(), schema, timeZone, BATCH_ROWS);
    String name = "AirDataset(" + partitions + " partitions)";
    spark.sparkContext().setJobDescription("AIR fromDataFrame: " + partitions + " partitions");
    RDD<Written> writes =
        ExecutorPins.pinWhereComputed(
            source.mapPartitions(write, false, ClassTag$.MODULE$.apply(Written.class)), name);
    List<Written> written = new ArrayList<>();
    try {
      for (Object w : (Object[]) writes.collect()) {
        written.add((Written) w);
      }
    } catch (RuntimeException e) {
      writes.unpersist(false);
      throw e;
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    List<BlockRef> blocks = new ArrayList<>();
    written.forEach(w -> blocks.add(w.block()));
    return new AirDataset(
        air,
        spark,
        userSchema,
        schema,
        blocks,
        name,
        List.of(new Lineage(air, name, df, write, writes, written)));
  }

  /** A dataset of rows given as maps; see {@code Air.fromItems}. */
  public static AirDataset fromItems(DataContext air, List<? extends Map<String, ?>> items) {
    Objects.requireNonNull(items, "items");
    SparkSession spark = air.session();
    return fromDataFrame(air, Items.toDataFrame(spark, items));
  }

  /** The dataset's Spark schema. */
  public StructType schema() {
    return schema;
  }

  /**
   * The schema of the Arrow blocks, as {@link #iterBatches} and {@link #mapBatches} see them: the
   * same as {@link #schema()} but for Spark ML vector columns, held as arrays of doubles.
   */
  public StructType arrowSchema() {
    return stored;
  }

  /** {@link #arrowSchema()} as an Arrow schema, the schema of every batch of the blocks. */
  @Override
  public Schema batchSchema() {
    return ArrowSchemas.toArrow(stored, spark.sessionState().conf().sessionLocalTimeZone());
  }

  /** The blocks, in order, as last known (a block recomputed after a loss is shown anew). */
  public List<BlockRef> blocks() {
    List<BlockRef> now = blocks;
    for (Lineage lineage : lineages) {
      now = lineage.current(now);
    }
    return now;
  }

  /**
   * Recomputes now, with a Spark job, every block lost with its executor (reading the dataset would
   * do it then). Call it before actors take every task slot, when no Spark job could run.
   */
  public void recoverLostBlocks() {
    resolvedBlocks();
  }

  /** The blocks, recomputing first any block whose executor is gone. */
  private List<BlockRef> resolvedBlocks() {
    requireOpen();
    return Lineage.resolve(lineages, blocks);
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
    for (BlockRef b : blocks()) {
      rows.merge(b.executor(), b.rows(), Long::sum);
    }
    return rows;
  }

  /**
   * The dataset as a DataFrame. Each block is one partition, scheduled preferably on the executor
   * that holds it and read there as Spark columnar batches over the block's buffers.
   */
  public Dataset<Row> toDataFrame() {
    requireOpen();
    return MlVectors.restore(arrowScan(), schema);
  }

  /** The blocks as a DataFrame of their Arrow schema (vectors as arrays), for conversions. */
  Dataset<Row> arrowScan() {
    return asDataFrame(
        new BlockTable(name, stored, blocks, lineages, air.settings(), null, 0, this));
  }

  private Dataset<Row> asDataFrame(BlockTable table) {
    return SparkShim.ofRows(
        spark, DataSourceV2Relation.create(table, Option.empty(), Option.empty()));
  }

  /**
   * Passes the rows through a function of Arrow batches of {@code batchSize} rows, where the blocks
   * live, and keeps the results as a new dataset. The output schema is found by calling the
   * function on an empty batch.
   */
  public AirDataset mapBatches(BatchFunction fn, int batchSize) {
    Objects.requireNonNull(fn, "fn");
    String timeZone = spark.sessionState().conf().sessionLocalTimeZone();
    try (BufferAllocator allocator = Allocators.child("AirDataset.mapBatches");
        VectorSchemaRoot empty =
            VectorSchemaRoot.create(ArrowSchemas.toArrow(stored, timeZone), allocator)) {
      VectorSchemaRoot out;
      try {
        out = fn.apply(empty, allocator);
      } catch (Exception e) {
        throw new IllegalArgumentException(
            "mapBatches could not find the output schema by "
                + "calling the function on an empty batch; pass the schema instead ("
                + e
                + ")",
            e);
      }
      if (out == null) {
        throw new IllegalArgumentException("mapBatches function returned null");
      }
      StructType output = ArrowUtils.fromArrowSchema(out.getSchema());
      if (out != empty) {
        out.close();
      }
      return mapBatches(fn, batchSize, output);
    }
  }

  /** Passes the rows through a function of Arrow batches whose output has {@code schema}. */
  public AirDataset mapBatches(BatchFunction fn, int batchSize, StructType outputSchema) {
    Objects.requireNonNull(fn, "fn");
    Objects.requireNonNull(outputSchema, "outputSchema");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
    }
    requireOpen();
    return fromDataFrame(
        air,
        asDataFrame(
            new BlockTable(
                "mapBatches of " + name,
                outputSchema,
                blocks,
                lineages,
                air.settings(),
                fn,
                batchSize,
                this)));
  }

  /** Passes the rows through a function of Arrow batches whose output has {@code schema}. */
  @Override
  public AirDataset mapBatches(BatchFunction fn, int batchSize, Schema outputSchema) {
    Objects.requireNonNull(outputSchema, "outputSchema");
    return mapBatches(fn, batchSize, ArrowUtils.fromArrowSchema(outputSchema));
  }

  /**
   * Folds every batch of the dataset into one result: each block is folded where it lives by a
   * Spark task, and the partial results are merged here, in block order.
   */
  @Override
  public <A extends Serializable> A aggregateBatches(BatchAggregator<A> aggregator) {
    Objects.requireNonNull(aggregator, "aggregator");
    requireOpen();
    Dataset<Row> df = arrowScan();
    spark.sparkContext().setJobDescription("AIR aggregate: " + blocks.size() + " blocks");
    Object[] partials;
    try {
      partials =
          (Object[])
              SourceRows.of(df)
                  .mapPartitions(
                      new AggregateBlocks<>(aggregator),
                      false,
                      ClassTag$.MODULE$.apply(Serializable.class))
                  .collect();
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    A result = aggregator.zero();
    for (Object partial : partials) {
      @SuppressWarnings("unchecked")
      A typed = (A) partial;
      result = aggregator.merge(result, typed);
    }
    return result;
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

  /** A dataset over some of this dataset's blocks (or slices); it holds its own references. */
  private AirDataset derive(List<BlockRef> parts, String what, List<Lineage> from) {
    BlockReferences.retain(air.runtime(), parts);
    return new AirDataset(air, spark, schema, stored, parts, what, from);
  }

  private AirDataset derive(List<BlockRef> parts, String what) {
    return derive(parts, what, lineages);
  }

  /** A dataset made by a Spark job over this one's rows. */
  private AirDataset viaSpark(Dataset<Row> df) {
    requireOpen();
    return fromDataFrame(air, df);
  }

  /** The first {@code n} rows (fewer if the dataset is shorter); no data is moved. */
  public AirDataset limit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit(n) needs n >= 0, got " + n);
    }
    List<BlockRef> parts = new ArrayList<>();
    long left = n;
    for (BlockRef b : resolvedBlocks()) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, b.rows());
      parts.add(take == b.rows() ? b : b.slice(0, take));
      left -= take;
    }
    return derive(parts, "limit(" + n + ") of " + name);
  }

  /** This dataset's rows followed by the others'; no data is moved. */
  public AirDataset union(AirDataset... others) {
    List<BlockRef> parts = new ArrayList<>(resolvedBlocks());
    List<Lineage> from = new ArrayList<>(lineages);
    for (AirDataset other : others) {
      other.requireOpen();
      if (!other.schema.equals(schema)) {
        throw new IllegalArgumentException(
            "union needs equal schemas: "
                + schema.simpleString()
                + " vs "
                + other.schema.simpleString());
      }
      parts.addAll(other.resolvedBlocks());
      other.lineages.stream().filter(l -> !from.contains(l)).forEach(from::add);
    }
    return derive(parts, "union of " + (others.length + 1) + " datasets", from);
  }

  /**
   * Splits into {@code n} shards whose row counts differ by at most one, for {@code n} workers.
   * Each shard takes first the blocks held by its preferred executor.
   *
   * @param n number of shards
   * @param localityHints the executor each shard's worker runs on, or null for no preference
   */
  public List<AirDataset> split(int n, List<String> localityHints) {
    if (n <= 0) {
      throw new IllegalArgumentException("split(n) needs n > 0, got " + n);
    }
    List<String> hints =
        localityHints == null ? java.util.Collections.nCopies(n, null) : localityHints;
    if (hints.size() != n) {
      throw new IllegalArgumentException(
          "split(" + n + ") got " + hints.size() + " locality hints; give one per shard");
    }
    List<AirDataset> shards = new ArrayList<>();
    List<List<BlockRef>> parts = Shards.split(resolvedBlocks(), n, hints);
    for (int i = 0; i < n; i++) {
      shards.add(derive(parts.get(i), "shard " + i + " of " + n));
    }
    return shards;
  }

  /** Splits into {@code n} shards of equal row counts, without locality preferences. */
  public List<AirDataset> split(int n) {
    return split(n, null);
  }

  /**
   * Splits by position, as Ray's {@code train_test_split}: the first {@code floor((1 - testSize) *
   * count)} rows train, the rest test.
   *
   * @return {train, test}
   */
  public AirDataset[] trainTestSplit(double testSize) {
    if (!(testSize > 0 && testSize < 1)) {
      throw new IllegalArgumentException("testSize must be in (0, 1), got " + testSize);
    }
    long trainRows = (long) ((1 - testSize) * count());
    AirDataset train = limit(trainRows);
    List<BlockRef> rest = new ArrayList<>();
    long skip = trainRows;
    for (BlockRef b : resolvedBlocks()) {
      if (skip >= b.rows()) {
        skip -= b.rows();
        continue;
      }
      rest.add(skip == 0 ? b : b.slice(skip, b.rows() - skip));
      skip = 0;
    }
    return new AirDataset[] {train, derive(rest, "test split of " + name)};
  }

  /** Shuffles the rows (deterministically for a seed), then splits by position. */
  public AirDataset[] trainTestSplit(double testSize, long seed) {
    if (!(testSize > 0 && testSize < 1)) {
      throw new IllegalArgumentException("testSize must be in (0, 1), got " + testSize);
    }
    try (AirDataset shuffled = randomShuffle(seed)) {
      return shuffled.trainTestSplit(testSize);
    }
  }

  /** The rows in a random order, the same for the same seed and dataset. */
  public AirDataset randomShuffle(long seed) {
    return viaSpark(toDataFrame().orderBy(functions.rand(seed)));
  }

  /**
   * Splits randomly by weights (normalized), as Spark's {@code randomSplit}: the same seed gives
   * the same split.
   */
  public List<AirDataset> randomSplit(double[] weights, long seed) {
    for (double w : weights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("split weights must be >= 0, got " + w);
      }
    }
    List<AirDataset> parts = new ArrayList<>();
    for (Dataset<Row> part : toDataFrame().randomSplit(weights, seed)) {
      parts.add(viaSpark(part));
    }
    return parts;
  }

  /** The same rows in {@code n} blocks of about equal size. */
  public AirDataset repartition(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("repartition(n) needs n > 0, got " + n);
    }
    return viaSpark(toDataFrame().repartition(n));
  }

  /** Only the named columns, in that order. */
  public AirDataset select(String... columns) {
    requireColumns(columns);
    return viaSpark(toDataFrame().selectExpr(quoted(columns)));
  }

  /** All columns but the named ones. */
  public AirDataset dropColumns(String... columns) {
    requireColumns(columns);
    return viaSpark(toDataFrame().drop(columns));
  }

  /** The rows for which a Spark SQL condition holds, for example {@code "age > 30"}. */
  public AirDataset filter(String condition) {
    return viaSpark(toDataFrame().filter(condition));
  }

  /** The rows for which a Spark column condition holds. */
  public AirDataset filter(Column condition) {
    return viaSpark(toDataFrame().filter(condition));
  }

  private void requireColumns(String... columns) {
    List<String> names = List.of(schema.fieldNames());
    for (String c : columns) {
      if (!names.contains(c)) {
        throw new IllegalArgumentException("no column '" + c + "' in " + schema.simpleString());
      }
    }
  }

  private static String[] quoted(String[] columns) {
    String[] out = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = "`" + columns[i].replace("`", "``") + "`";
    }
    return out;
  }

  /**
   * Streams the rows as Arrow batches of {@code batchSize} rows, on this JVM, prefetching up to
   * {@code prefetchBlocks} blocks (remote ones over Arrow Flight) while the consumer works.
   */
  public BatchIterator iterBatches(int batchSize, int prefetchBlocks) {
    return new BatchIterator(air.runtime(), resolvedBlocks(), batchSize, prefetchBlocks);
  }

  /** The rows as plain data to send to a worker; valid while this dataset is open. */
  public BlockSet blockSet() {
    return new BlockSet(stored, resolvedBlocks());
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
    return name
        + ": "
        + count()
        + " rows in "
        + blocks.size()
        + " blocks, "
        + schema.simpleString();
  }

  /** Releases blocks once, from close() or from the cleaner; holds no reference to the dataset. */
  private static final class Release implements Runnable {
    private final AirRuntime runtime;
    private final List<BlockRef> blocks;
    private final List<Lineage> lineages;
    private final AtomicBoolean done = new AtomicBoolean();

    Release(AirRuntime runtime, List<BlockRef> blocks, List<Lineage> lineages) {
      this.runtime = runtime;
      this.blocks = blocks;
      this.lineages = lineages;
    }

    @Override
    public void run() {
      if (done.compareAndSet(false, true)) {
        BlockReferences.release(runtime, blocks);
        lineages.forEach(Lineage::unshare);
      }
    }
  }
}
