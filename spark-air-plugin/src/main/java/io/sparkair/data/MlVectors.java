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

import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark ML vector columns in Arrow blocks: stored as arrays of doubles (a sparse vector becomes
 * dense), and turned back into vectors, with their ML metadata, when read as a DataFrame. Spark
 * ML's classes are touched only when such a column exists, so an application without spark-mllib on
 * its classpath never needs them.
 */
final class MlVectors {
  private static final String VECTOR_UDT = "org.apache.spark.ml.linalg.VectorUDT";

  private MlVectors() {}

  private static boolean isVector(DataType type) {
    return type.getClass().getName().equals(VECTOR_UDT);
  }

  /** The DataFrame with every vector column as an array of doubles, in place. */
  static Dataset<Row> toArrays(Dataset<Row> df) {
    Dataset<Row> out = df;
    for (StructField f : df.schema().fields()) {
      if (isVector(f.dataType())) {
        out =
            out.withColumn(
                f.name(),
                functions.vector_to_array(df.col(quote(f.name())), "float64"),
                f.metadata());
      }
    }
    return out;
  }

  /** Turns the array columns that {@code schema} declares as vectors back into vectors. */
  static Dataset<Row> restore(Dataset<Row> df, StructType schema) {
    Dataset<Row> out = df;
    for (StructField f : schema.fields()) {
      if (isVector(f.dataType())) {
        Column vector = functions.array_to_vector(out.col(quote(f.name())));
        out = out.withColumn(f.name(), vector, f.metadata());
      }
    }
    return out;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
