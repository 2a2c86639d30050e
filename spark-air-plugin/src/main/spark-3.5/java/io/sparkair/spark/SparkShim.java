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
package io.sparkair.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.reflect.ClassTag$;

/**
 * The Spark calls whose API differs between Spark lines, for Spark 3.5 (Scala 2.12). The Spark 4
 * folder has a class of the same name and methods. Internal to Spark AIR.
 */
public final class SparkShim {
  private SparkShim() {}

  /** Whether {@code spark} runs Spark's classic engine in this JVM (every 3.5 session does). */
  public static boolean isClassic(SparkSession spark) {
    return true;
  }

  /** A DataFrame of a logical plan, analysed in {@code spark}. */
  public static Dataset<Row> ofRows(SparkSession spark, LogicalPlan plan) {
    return Dataset.ofRows(spark, plan);
  }

  /** The logical plan a DataFrame was made from. */
  public static LogicalPlan logicalPlan(Dataset<?> df) {
    return df.logicalPlan();
  }

  /** A DataFrame over rows already in Spark's internal format. */
  public static Dataset<Row> internalCreateDataFrame(
      SparkSession spark, RDD<InternalRow> rows, StructType schema) {
    return spark.internalCreateDataFrame(rows, schema, false);
  }

  /** Spark's own Arrow conversion of a DataFrame (Arrow IPC bytes per batch). */
  public static JavaRDD<byte[]> toArrowBatchRdd(Dataset<Row> df) {
    return df.toArrowBatchRdd().toJavaRDD();
  }

  /** One partition per key, each holding its key and preferring the locations it maps to. */
  public static RDD<String> withLocations(SparkContext sc, Map<String, List<String>> locations) {
    List<Tuple2<String, Seq<String>>> items = new ArrayList<>();
    locations.forEach((item, where) -> items.add(new Tuple2<>(item, seq(where))));
    return sc.makeRDD(seq(items), ClassTag$.MODULE$.apply(String.class));
  }

  /** A Java list as the Scala {@code Seq} this line's Spark methods take. */
  public static <T> Seq<T> seq(List<T> list) {
    return JavaConverters.asScalaBuffer(list).toSeq();
  }
}
