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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.runtime.store.BlockId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AirDatasetTest {
  private static SparkSession spark;
  private static Air air;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("air-dataset-test")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.air.store.memoryFraction", "0.002")
            .getOrCreate();
    air = Air.get(spark);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aDataFrameKeepsTheBlocksOfADatasetNoLongerReferenced() {
    Dataset<Row> df =
        air.range(1000).mapBatches((batch, allocator) -> batch, 100).toDataFrame().orderBy("id");
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    assertEquals(1000, df.collectAsList().size(), "the unreferenced dataset was not cleaned");
  }

  @Test
  void everySupportedTypeRoundTripsWithNulls() {
    Dataset<Row> df = spark.createDataFrame(AllTypes.rows(1000), AllTypes.SCHEMA).repartition(3);
    try (AirDataset ds = air.fromDataFrame(df)) {
      assertEquals(1000, ds.count());
      assertEquals(AllTypes.SCHEMA, ds.schema());
      assertEquals(3, ds.blocks().size());
      assertTrue(ds.sizeBytes() > 0);
      Dataset<Row> back = ds.toDataFrame();
      assertEquals(AllTypes.SCHEMA, back.schema());
      assertEquals(AllTypes.sorted(df), AllTypes.sorted(back));
      assertEquals(1000, back.count());
      assertEquals(5, ds.take(5).size());
      try (AirDataset same = ds.mapBatches((batch, allocator) -> batch, 128)) {
        assertTrue(
            readAsColumnarBatches(asArrowScan(ds)),
            "blocks are read back as Arrow batches and appended as Arrow buffers");
        assertEquals(AllTypes.sorted(df), AllTypes.sorted(same.toDataFrame()));
      }
    }
  }

  @Test
  void cachedAndParquetSourcesAreCopiedColumnWiseWithNulls(@TempDir Path dir) {
    Dataset<Row> numeric =
        spark
            .range(0, 150_000, 1, 2)
            .selectExpr(
                "cast(id as int) as id",
                "if(id % 7 = 0, null, id % 2 = 0) as b",
                "if(id % 5 = 0, null, cast(id % 128 as byte)) as by",
                "cast(id % 32768 as short) as sh",
                "if(id % 3 = 0, null, id * 1000) as l",
                "cast(id / 4 as float) as f",
                "if(id % 11 = 0, null, id * 0.5D) as d")
            .cache();
    assertColumnarRoundTrip(numeric, 150_000);
    numeric.unpersist();

    String parquet = dir.resolve("all.parquet").toString();
    spark
        .createDataFrame(AllTypes.rows(30_000), AllTypes.SCHEMA)
        .drop("dec", "arr", "ints")
        .repartition(2)
        .write()
        .parquet(parquet);
    assertColumnarRoundTrip(spark.read().parquet(parquet), 30_000);
  }

  /** Whether this Spark line's Arrow conversion takes every column of {@code schema}. */
  private static boolean arrowCarries(StructType schema) {
    try {
      org.apache.spark.sql.util.ArrowUtils.toArrowSchema(schema, "UTC", true, false);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The dataset's blocks as the DataFrame a derived dataset's conversion reads. */
  private static Dataset<Row> asArrowScan(AirDataset ds) {
    return ds.arrowScan();
  }

  /** Whether a conversion of {@code df} reads Spark's columnar batches rather than rows. */
  private static boolean readAsColumnarBatches(Dataset<Row> df) {
    return SourceRows.of(df)
        .toJavaRDD()
        .map(o -> o instanceof org.apache.spark.sql.vectorized.ColumnarBatch)
        .first();
  }

  private void assertColumnarRoundTrip(Dataset<Row> df, long rows) {
    assertTrue(readAsColumnarBatches(df), "the source is read as columnar batches");
    try (AirDataset ds = air.fromDataFrame(df)) {
      assertEquals(rows, ds.count());
      assertEquals(AllTypes.sorted(df), AllTypes.sorted(ds.toDataFrame()));
    }
  }

  @Test
  void closeReleasesTheBlocks() {
    AirDataset ds = air.fromDataFrame(spark.range(0, 10_000, 1, 4).toDF());
    List<BlockId> ids = ds.blocks().stream().map(BlockRef::id).distinct().toList();
    assertEquals(4, ids.size());
    assertTrue(ids.stream().allMatch(air.runtime().store()::contains));
    ds.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ids.stream().anyMatch(air.runtime().store()::contains) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(ids.stream().noneMatch(air.runtime().store()::contains), "blocks left: " + ids);
    assertFalse(ds.isOpen());
    assertThrows(IllegalStateException.class, ds::toDataFrame);
  }

  @Test
  void emptyPartitionsMakeNoBlocks() {
    try (AirDataset ds = air.fromDataFrame(spark.range(0, 3, 1, 8).toDF())) {
      assertEquals(3, ds.count());
      assertEquals(3, ds.blocks().size());
      assertEquals(
          List.of(0L, 1L, 2L),
          ds.toDataFrame().orderBy("id").collectAsList().stream()
              .map(r -> r.getLong(0))
              .collect(Collectors.toList()));
    }
    try (AirDataset empty = air.fromDataFrame(spark.range(0).toDF())) {
      assertEquals(0, empty.count());
      assertEquals(0, empty.toDataFrame().count());
    }
  }

  @Test
  void readersGoThroughSpark(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("points.csv");
    Files.writeString(csv, "x,y,label\n1.5,2,a\n3.0,4,b\n-1,0,a\n");
    try (AirDataset ds =
        air.readCsv(csv.toString(), Map.of("header", "true", "inferSchema", "true"))) {
      assertEquals(3, ds.count());
      assertEquals("struct<x:double,y:int,label:string>", ds.schema().simpleString());
      assertEquals(
          3.5, ds.toDataFrame().agg(org.apache.spark.sql.functions.sum("x")).first().getDouble(0));
    }
    try (AirDataset ds = air.range(100)) {
      assertEquals(100, ds.count());
      assertEquals(
          4950L, ds.toDataFrame().agg(org.apache.spark.sql.functions.sum("id")).first().getLong(0));
    }
    spark.range(10).write().parquet(dir.resolve("p").toString());
    try (AirDataset ds = air.readParquet(dir.resolve("p").toString())) {
      assertEquals(10, ds.count());
    }
  }

  private static List<Long> ids(AirDataset ds) {
    return ds.toDataFrame().collectAsList().stream()
        .map(r -> r.getLong(0))
        .collect(Collectors.toList());
  }

  private static List<Long> range(long from, long to) {
    return java.util.stream.LongStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void limitUnionAndTrainTestSplitCutBlocksWithoutMovingData() {
    try (AirDataset ds = air.fromDataFrame(spark.range(0, 10_000, 1, 4).toDF());
        AirDataset first = ds.limit(3_500);
        AirDataset both = first.union(ds.limit(10))) {
      assertEquals(range(0, 3_500), ids(first), "limit keeps the first rows in block order");
      assertEquals(3_510, both.count());
      AirDataset[] split = ds.trainTestSplit(0.2);
      try (AirDataset train = split[0];
          AirDataset test = split[1]) {
        assertEquals(range(0, 8_000), ids(train));
        assertEquals(range(8_000, 10_000), ids(test));
      }
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ds.union(air.range(3).select("id").dropColumns("id")));
      assertTrue(e.getMessage().contains("equal schemas"), e.getMessage());
    }
  }

  @Test
  void derivedDatasetsOutliveTheirParent() {
    AirDataset parent = air.fromDataFrame(spark.range(0, 1_000, 1, 2).toDF());
    AirDataset child = parent.limit(600);
    parent.close();
    assertEquals(range(0, 600), ids(child));
    child.close();
  }

  @Test
  void splitMakesBalancedShardsThatCoverEveryRowOnce() {
    try (AirDataset ds = air.fromDataFrame(spark.range(0, 10_001, 1, 3).toDF())) {
      List<AirDataset> shards = ds.split(4);
      List<Long> all = new ArrayList<>();
      for (AirDataset shard : shards) {
        assertTrue(shard.count() == 2_500 || shard.count() == 2_501, "" + shard.count());
        all.addAll(ids(shard));
      }
      all.sort(null);
      assertEquals(range(0, 10_001), all);
      List<Long> again = ids(ds.split(4).get(2));
      assertEquals(ids(shards.get(2)), again, "the same split every time");
      shards.forEach(AirDataset::close);
      assertThrows(IllegalArgumentException.class, () -> ds.split(0));
      assertThrows(IllegalArgumentException.class, () -> ds.split(2, List.of("driver")));
    }
  }

  @Test
  void computedFixedWidthColumnsKeepEveryValueAndNullAcrossBatches() {
    Column id = functions.col("id");
    Column third = id.mod(3).equalTo(2);
    Dataset<Row> df =
        spark
            .range(0, 150_000, 1, 2)
            .select(
                id,
                id.multiply(0.5).as("d"),
                functions.when(third, null).otherwise(id.cast("int")).as("i"),
                functions.when(third, null).otherwise(id.mod(30_000).cast("short")).as("sh"),
                id.mod(100).cast("byte").as("by"),
                functions.when(third, null).otherwise(id.divide(4).cast("float")).as("f"),
                functions
                    .date_add(functions.lit("2021-01-01").cast("date"), id.mod(1000).cast("int"))
                    .as("dt"),
                functions
                    .when(id.mod(7).equalTo(0), null)
                    .otherwise(functions.timestamp_seconds(id.plus(1_600_000_000L)))
                    .as("ts"));
    assertFalse(readAsColumnarBatches(df), "a computed projection is read as rows");
    assertTrue(AirDataset.BATCH_ROWS < 75_000, "each partition spans two block batches");
    try (AirDataset ds = air.fromDataFrame(df)) {
      assertEquals(150_000, ds.count());
      assertEquals(AllTypes.sorted(df), AllTypes.sorted(ds.toDataFrame()));
    }
  }

  @Test
  void sparkBackedOperationsAreDeterministicForASeed() {
    try (AirDataset ds =
        air.fromDataFrame(
            spark.range(0, 5_000, 1, 4).toDF().withColumn("x", functions.col("id").multiply(2)))) {
      AirDataset[] a = ds.trainTestSplit(0.3, 42);
      AirDataset[] b = ds.trainTestSplit(0.3, 42);
      assertEquals(ids(a[1]), ids(b[1]), "same seed, same test set");
      assertEquals(1_500, a[1].count());
      List<Long> union = new ArrayList<>(ids(a[0]));
      union.addAll(ids(a[1]));
      union.sort(null);
      assertEquals(range(0, 5_000), union);
      List<AirDataset> r1 = ds.randomSplit(new double[] {0.7, 0.3}, 7);
      List<AirDataset> r2 = ds.randomSplit(new double[] {0.7, 0.3}, 7);
      assertEquals(ids(r1.get(1)), ids(r2.get(1)));
      assertEquals(5_000, r1.get(0).count() + r1.get(1).count());
      try (AirDataset five = ds.repartition(5);
          AirDataset even = ds.filter("id % 2 = 0");
          AirDataset onlyX = ds.select("x");
          AirDataset noX = ds.dropColumns("x")) {
        assertEquals(5, five.blocks().size());
        assertEquals(5_000, five.count());
        assertEquals(2_500, even.count());
        assertEquals("struct<x:bigint>", onlyX.schema().simpleString());
        assertEquals("struct<id:bigint>", noX.schema().simpleString());
      }
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ds.select("nope"));
      assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> ds.trainTestSplit(1.5));
    }
  }

  @Test
  void readsBackCorrectlyWhenTheStoreMustSpill() {
    long budget = air.runtime().store().stats().budgetBytes();
    try (AirDataset ds =
        air.fromDataFrame(
            spark
                .range(0, 3_000_000, 1, 6)
                .toDF()
                .withColumn("x", functions.col("id").multiply(0.5)))) {
      assertTrue(
          ds.sizeBytes() > 2 * budget,
          "the dataset (" + ds.sizeBytes() + " B) is larger than the budget (" + budget + " B)");
      assertTrue(air.runtime().store().stats().spills() > 0, "blocks spilled");
      Row sums = ds.toDataFrame().agg(functions.sum("id"), functions.sum("x")).first();
      assertEquals(2_999_999L * 3_000_000 / 2, sums.getLong(0));
      assertEquals(2_999_999.0 * 3_000_000 / 4, sums.getDouble(1));
      assertTrue(air.runtime().store().stats().reloads() > 0, "spilled blocks were read back");
      long streamed = 0;
      try (BatchIterator it = ds.iterBatches(50_000, 1)) {
        while (it.hasNext()) {
          BigIntVector id = (BigIntVector) it.next().getVector("id");
          for (int i = 0; i < id.getValueCount(); i++) {
            streamed += id.get(i);
          }
        }
      }
      assertEquals(2_999_999L * 3_000_000 / 2, streamed, "iteration past the budget is exact");
    }
  }

  /** Every id, in iteration order, of batches of {@code size} rows; checks the batch sizes. */
  private static List<Long> iterate(BatchIterator it, int size, long total) {
    List<Long> seen = new ArrayList<>();
    while (it.hasNext()) {
      VectorSchemaRoot batch = it.next();
      long left = total - seen.size();
      assertEquals(Math.min(size, left), batch.getRowCount(), "full batches but the last");
      BigIntVector id = (BigIntVector) batch.getVector("id");
      for (int i = 0; i < batch.getRowCount(); i++) {
        seen.add(id.get(i));
      }
    }
    return seen;
  }

  @Test
  void iterBatchesStreamsFixedSizeBatchesAcrossBlocksAndSlices() {
    try (AirDataset ds = air.fromDataFrame(spark.range(0, 10_000, 1, 3).toDF())) {
      try (BatchIterator warmUp = ds.iterBatches(10_000, 0)) {
        iterate(warmUp, 10_000, 10_000);
      }
      long memory = air.runtime().store().allocator().getAllocatedMemory();
      for (int size : new int[] {1_000, 4_999, 20_000, 7}) {
        try (BatchIterator it = ds.iterBatches(size, 1)) {
          assertEquals(range(0, 10_000), iterate(it, size, 10_000), "batch size " + size);
        }
        long now = air.runtime().store().allocator().getAllocatedMemory();
        assertTrue(
            now <= memory, "closing the iterator frees its batches: " + now + " > " + memory);
      }
      List<AirDataset> shards = ds.split(3);
      for (AirDataset shard : shards) {
        try (BatchIterator it = shard.blockSet().iterBatches(512, 2)) {
          assertEquals(ids(shard), iterate(it, 512, shard.count()));
        }
        shard.close();
      }
      assertThrows(IllegalArgumentException.class, () -> ds.iterBatches(0, 1));
      assertThrows(IllegalArgumentException.class, () -> ds.iterBatches(10, -1));
    }
  }

  /** Every row of {@code it}, each as its columns' values, checking full batches but the last. */
  private static List<List<Object>> rows(BatchIterator it, int size, long total) {
    List<List<Object>> rows = new ArrayList<>();
    while (it.hasNext()) {
      VectorSchemaRoot batch = it.next();
      assertEquals(Math.min(size, total - rows.size()), batch.getRowCount(), "batch size");
      for (int i = 0; i < batch.getRowCount(); i++) {
        List<Object> row = new ArrayList<>();
        for (org.apache.arrow.vector.FieldVector v : batch.getFieldVectors()) {
          Object value = v.getObject(i);
          row.add(value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void batchesOneStepAboveTheBlocksOwnHoldTheSameRows() {
    Dataset<Row> df =
        spark
            .range(0, 300_000, 1, 2)
            .withColumn("x", functions.col("id").multiply(0.25))
            .withColumn(
                "s",
                functions
                    .when(functions.col("id").mod(5).equalTo(0), functions.lit(null))
                    .otherwise(functions.concat(functions.lit("r"), functions.col("id"))));
    try (AirDataset ds = air.fromDataFrame(df)) {
      List<List<Object>> byBlockBatch;
      try (BatchIterator it = ds.iterBatches(64_512, 2)) {
        byBlockBatch = rows(it, 64_512, 300_000);
      }
      for (int size : new int[] {65_536, 100_000, 1 << 20}) {
        try (BatchIterator it = ds.iterBatches(size, 2)) {
          assertEquals(byBlockBatch, rows(it, size, 300_000), "batches of " + size);
        }
      }
      assertEquals(300_000, byBlockBatch.size());
      assertEquals(
          List.of(299_999L, 299_999 * 0.25, new org.apache.arrow.vector.util.Text("r299999")),
          byBlockBatch.get(299_999));
      assertEquals(null, byBlockBatch.get(299_995).get(2), "a null string stays null");
    }
  }

  @Test
  void aBatchSizeAboveTheDatasetAllocatesForTheDatasetOnly() {
    try (AirDataset ds = air.fromDataFrame(spark.range(0, 10_000, 1, 3).toDF());
        BatchIterator it = ds.iterBatches(Integer.MAX_VALUE, 1)) {
      assertEquals(range(0, 10_000), iterate(it, Integer.MAX_VALUE, 10_000), "one batch of all");
      long held = air.runtime().store().allocator().getAllocatedMemory();
      assertTrue(held < 64L << 20, "memory for the dataset's rows, not the batch size: " + held);
    }
  }

  @Test
  void assembledBatchesCarryEveryTypeAsSlicesDo() {
    Dataset<Row> df = spark.createDataFrame(AllTypes.rows(1000), AllTypes.SCHEMA).repartition(7);
    try (AirDataset ds = air.fromDataFrame(df)) {
      List<List<Object>> sliced;
      try (BatchIterator it = ds.iterBatches(1, 1)) {
        sliced = rows(it, 1, 1000);
      }
      for (int size : new int[] {300, 1000}) {
        try (BatchIterator it = ds.iterBatches(size, 1)) {
          assertEquals(sliced, rows(it, size, 1000), "batches of " + size);
        }
      }
    }
  }

  @Test
  void iterBatchesCarriesEveryType() {
    Dataset<Row> df = spark.createDataFrame(AllTypes.rows(1000), AllTypes.SCHEMA).repartition(3);
    try (AirDataset ds = air.fromDataFrame(df);
        BatchIterator it = ds.iterBatches(7, 1)) {
      long rows = 0;
      long idSum = 0;
      long nullStrings = 0;
      while (it.hasNext()) {
        VectorSchemaRoot batch = it.next();
        for (int i = 0; i < batch.getRowCount(); i++) {
          idSum += ((org.apache.arrow.vector.IntVector) batch.getVector("id")).get(i);
          nullStrings += batch.getVector("s").isNull(i) ? 1 : 0;
        }
        rows += batch.getRowCount();
      }
      assertEquals(1000, rows);
      assertEquals(999L * 1000 / 2, idSum);
      assertEquals(333, nullStrings);
    }
  }

  @Test
  void fromItemsBuildsTheSeedsTinyDataset() {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int x = 0; x < 200; x++) {
      Map<String, Object> item = new java.util.LinkedHashMap<>();
      item.put("x", x);
      item.put("y", x < 100 ? 1 : 0);
      items.add(item);
    }
    try (AirDataset ds = air.fromItems(items)) {
      assertEquals(200, ds.count());
      assertEquals("struct<x:int,y:int>", ds.schema().simpleString());
      assertEquals(100L, ds.toDataFrame().agg(functions.sum("y")).first().getLong(0));
    }
    IllegalArgumentException mixed =
        assertThrows(
            IllegalArgumentException.class,
            () -> air.fromItems(List.of(Map.of("a", 1), Map.of("a", "one"))));
    assertTrue(mixed.getMessage().contains("'a'"), mixed.getMessage());
    IllegalArgumentException odd =
        assertThrows(
            IllegalArgumentException.class,
            () -> air.fromItems(List.of(Map.of("when", new java.util.Date()))));
    assertTrue(odd.getMessage().contains("'when'"), odd.getMessage());
  }

  /** Output: id, and the number of rows of the batch each row was in. */
  static VectorSchemaRoot withBatchRows(
      VectorSchemaRoot in, org.apache.arrow.memory.BufferAllocator allocator) {
    Schema schema =
        new Schema(
            List.of(
                Field.nullable("id", new ArrowType.Int(64, true)),
                Field.nullable("batch_rows", new ArrowType.Int(32, true))));
    VectorSchemaRoot out = VectorSchemaRoot.create(schema, allocator);
    BigIntVector ids = (BigIntVector) out.getVector("id");
    IntVector sizes = (IntVector) out.getVector("batch_rows");
    int n = in.getRowCount();
    ids.allocateNew(n);
    sizes.allocateNew(n);
    BigIntVector source = (BigIntVector) in.getVector("id");
    for (int i = 0; i < n; i++) {
      ids.set(i, source.get(i));
      sizes.set(i, n);
    }
    out.setRowCount(n);
    return out;
  }

  @Test
  void mapBatchesRunsArrowFunctionsWhereTheBlocksLive() {
    try (AirDataset ds = air.fromDataFrame(spark.range(0, 10_000, 1, 3).toDF());
        AirDataset mapped = ds.mapBatches(AirDatasetTest::withBatchRows, 1_000)) {
      assertEquals("struct<id:bigint,batch_rows:int>", mapped.schema().simpleString());
      assertEquals(10_000, mapped.count());
      List<Row> rows = mapped.toDataFrame().orderBy("id").collectAsList();
      assertEquals(
          range(0, 10_000), rows.stream().map(r -> r.getLong(0)).collect(Collectors.toList()));
      assertTrue(rows.stream().allMatch(r -> r.getInt(1) <= 1_000 && r.getInt(1) > 0));
      assertTrue(
          rows.stream().filter(r -> r.getInt(1) == 1_000).count() >= 9_000,
          "batches are full but for the last of each block");

      try (AirDataset doubled =
          ds.mapBatches(
              (in, alloc) -> {
                BigIntVector id = (BigIntVector) in.getVector("id");
                for (int i = 0; i < in.getRowCount(); i++) {
                  id.set(i, id.get(i) * 2);
                }
                return in;
              },
              4_096)) {
        assertEquals(
            2L * 9_999 * 10_000 / 2,
            doubled.toDataFrame().agg(functions.sum("id")).first().getLong(0));
      }
      Exception failed =
          assertThrows(
              Exception.class,
              () ->
                  ds.mapBatches(
                      (in, alloc) -> {
                        if (in.getRowCount() > 0) {
                          throw new IllegalStateException("bad row");
                        }
                        return in;
                      },
                      100));
      assertTrue(String.valueOf(failed.getMessage()).contains("bad row"), failed.getMessage());
      IllegalArgumentException noSchema =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  ds.mapBatches(
                      (in, alloc) -> {
                        throw new IllegalStateException("no empty batches please");
                      },
                      100));
      assertTrue(noSchema.getMessage().contains("empty batch"), noSchema.getMessage());
    }
  }

  @Test
  void sparkMlVectorColumnsRoundTripAsArraysOfDoubles() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(RowFactory.create(i, i % 3 == 0 ? 0.0 : i * 0.5, 0.0, i % 5 == 0 ? 0.0 : -1.0 * i));
    }
    StructType plain =
        new StructType(
            new StructField[] {
              DataTypes.createStructField("id", DataTypes.IntegerType, false),
              DataTypes.createStructField("a", DataTypes.DoubleType, false),
              DataTypes.createStructField("b", DataTypes.DoubleType, false),
              DataTypes.createStructField("c", DataTypes.DoubleType, false)
            });
    Dataset<Row> withVectors =
        new org.apache.spark.ml.feature.VectorAssembler()
            .setInputCols(new String[] {"a", "b", "c"})
            .setOutputCol("features")
            .transform(spark.createDataFrame(rows, plain))
            .repartition(2);
    assertTrue(
        withVectors.collectAsList().stream()
            .anyMatch(r -> r.get(4) instanceof org.apache.spark.ml.linalg.SparseVector),
        "the assembler made some sparse vectors");
    try (AirDataset ds = air.fromDataFrame(withVectors)) {
      assertEquals(withVectors.schema(), ds.schema());
      assertEquals("array<double>", ds.arrowSchema().apply("features").dataType().simpleString());
      Dataset<Row> back = ds.toDataFrame();
      assertEquals(
          withVectors.schema().apply("features").metadata(),
          back.schema().apply("features").metadata(),
          "ML attributes survive");
      List<Row> expected = withVectors.orderBy("id").collectAsList();
      List<Row> actual = back.orderBy("id").collectAsList();
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i).get(4), actual.get(i).get(4), "row " + i);
      }
      try (BatchIterator it = ds.iterBatches(1_000, 0)) {
        VectorSchemaRoot batch = it.next();
        assertEquals(
            org.apache.arrow.vector.complex.ListVector.class,
            batch.getVector("features").getClass());
      }
    }
  }

  @Test
  void badInputIsRejectedClearly() {
    Dataset<Row> intervals = spark.sql("select 1 as id, make_interval(0, 0, 0, 1, 0, 0, 0) as iv");
    if (arrowCarries(intervals.schema())) {
      try (AirDataset ds = air.fromDataFrame(intervals)) {
        assertEquals(
            intervals.collectAsList(),
            ds.toDataFrame().collectAsList(),
            "Spark 4's Arrow carries calendar intervals, so they round-trip");
      }
    } else {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> air.fromDataFrame(intervals));
      assertTrue(
          e.getMessage().contains("'iv'") && e.getMessage().contains("interval"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> air.range(-1));
    try (AirDataset ds = air.range(3)) {
      assertThrows(IllegalArgumentException.class, () -> ds.take(-1));
    }
  }
}
