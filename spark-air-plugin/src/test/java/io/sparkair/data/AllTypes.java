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

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Rows of every Spark SQL type an AIR dataset holds, for round-trip tests. */
public final class AllTypes {
  private AllTypes() {}

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("id", DataTypes.IntegerType, false),
            DataTypes.createStructField("b", DataTypes.BooleanType, true),
            DataTypes.createStructField("by", DataTypes.ByteType, true),
            DataTypes.createStructField("sh", DataTypes.ShortType, true),
            DataTypes.createStructField("l", DataTypes.LongType, true),
            DataTypes.createStructField("f", DataTypes.FloatType, true),
            DataTypes.createStructField("d", DataTypes.DoubleType, true),
            DataTypes.createStructField("s", DataTypes.StringType, true),
            DataTypes.createStructField("bin", DataTypes.BinaryType, true),
            DataTypes.createStructField("dt", DataTypes.DateType, true),
            DataTypes.createStructField("ts", DataTypes.TimestampType, true),
            DataTypes.createStructField("dec", DataTypes.createDecimalType(12, 3), true),
            DataTypes.createStructField(
                "arr", DataTypes.createArrayType(DataTypes.DoubleType, true), true),
            DataTypes.createStructField(
                "ints", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
          });

  /** Rows of every supported type; every third row is null in every nullable column. */
  public static List<Row> rows(int n) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % 3 == 2) {
        rows.add(
            RowFactory.create(
                i, null, null, null, null, null, null, null, null, null, null, null, null, null));
        continue;
      }
      rows.add(
          RowFactory.create(
              i,
              i % 2 == 0,
              (byte) (i % 100),
              (short) (i * 3),
              i * 1_000_000L,
              i / 4.0f,
              i * 0.5,
              "row-" + i + "-é",
              new byte[] {(byte) i, 7},
              Date.valueOf(LocalDate.of(2021, 1, 1).plusDays(i)),
              new Timestamp(1_600_000_000_000L + i * 1000L),
              new BigDecimal(i + ".125"),
              Arrays.asList(i * 1.0, null, -i * 2.0),
              Arrays.asList(i, i + 1)));
    }
    return rows;
  }

  /** The rows ordered by id, rendered as text (binary as its bytes), for comparing. */
  public static List<String> sorted(Dataset<Row> df) {
    return df.orderBy("id").collectAsList().stream()
        .map(AllTypes::render)
        .collect(Collectors.toList());
  }

  private static String render(Row r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < r.length(); i++) {
      Object v = r.get(i);
      s.append(v instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(v)).append('|');
    }
    return s.toString();
  }
}
