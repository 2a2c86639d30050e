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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows given as maps on the driver, as Ray's {@code from_items}: columns in the order the keys
 * first appear, each typed by its first non-null value; a missing key is null.
 */
final class Items {
  private Items() {}

  static Dataset<Row> toDataFrame(SparkSession spark, List<? extends Map<String, ?>> items) {
    Map<String, DataType> columns = new LinkedHashMap<>();
    for (Map<String, ?> item : items) {
      if (item == null) {
        throw new IllegalArgumentException("items must not contain null");
      }
      item.forEach(
          (name, value) -> {
            if (value != null) {
              DataType type = typeOf(name, value);
              DataType seen = columns.putIfAbsent(name, type);
              if (seen != null && !seen.equals(type)) {
                throw new IllegalArgumentException(
                    "column '"
                        + name
                        + "' holds both "
                        + seen.simpleString()
                        + " and "
                        + type.simpleString()
                        + " values");
              }
            } else {
              columns.putIfAbsent(name, null);
            }
          });
    }
    List<StructField> fields = new ArrayList<>();
    columns.forEach(
        (name, type) ->
            fields.add(
                DataTypes.createStructField(name, type == null ? DataTypes.NullType : type, true)));
    List<Row> rows = new ArrayList<>();
    for (Map<String, ?> item : items) {
      Object[] values = new Object[fields.size()];
      int i = 0;
      for (String name : columns.keySet()) {
        values[i++] = item.get(name);
      }
      rows.add(RowFactory.create(values));
    }
    return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
  }

  private static DataType typeOf(String column, Object value) {
    if (value instanceof Integer) {
      return DataTypes.IntegerType;
    } else if (value instanceof Long) {
      return DataTypes.LongType;
    } else if (value instanceof Double) {
      return DataTypes.DoubleType;
    } else if (value instanceof Float) {
      return DataTypes.FloatType;
    } else if (value instanceof String) {
      return DataTypes.StringType;
    } else if (value instanceof Boolean) {
      return DataTypes.BooleanType;
    } else if (value instanceof byte[]) {
      return DataTypes.BinaryType;
    }
    throw new IllegalArgumentException(
        "column '"
            + column
            + "' holds a "
            + value.getClass().getName()
            + "; items may hold integers, longs, floats, doubles, "
            + "strings, booleans and byte arrays");
  }
}
