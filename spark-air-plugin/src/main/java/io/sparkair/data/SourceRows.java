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

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.LeafExecNode;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.types.StructField;

/**
 * The RDD a conversion reads: Spark's columnar batches when the DataFrame's plan is a single
 * columnar scan, so no row is ever made: a scan of AIR blocks (Arrow vectors of any type), or a
 * cached DataFrame or a Parquet or ORC file read vectorized, of types {@link ColumnCopy} can copy;
 * otherwise its internal rows. A scan is a leaf of the plan, so running it directly, outside
 * adaptive execution, skips no exchange.
 */
final class SourceRows {
  private SourceRows() {}

  /** An RDD of {@code ColumnarBatch} or of {@code InternalRow}, in the DataFrame's partitions. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static RDD<Object> of(Dataset<Row> df) {
    SparkPlan columnar = columnarScan(df);
    if (columnar != null) {
      return (RDD) columnar.executeColumnar();
    }
    return (RDD) df.queryExecution().toRdd();
  }

  private static SparkPlan columnarScan(Dataset<Row> df) {
    SparkPlan plan = df.queryExecution().executedPlan();
    if (plan instanceof AdaptiveSparkPlanExec) {
      plan = ((AdaptiveSparkPlanExec) plan).inputPlan();
    }
    if (plan instanceof WholeStageCodegenExec) {
      plan = ((WholeStageCodegenExec) plan).child();
    }
    if (plan instanceof ColumnarToRowExec) {
      plan = ((ColumnarToRowExec) plan).child();
    }
    if (plan instanceof InputAdapter) {
      plan = ((InputAdapter) plan).child();
    }
    if (!(plan instanceof LeafExecNode) || !plan.supportsColumnar()) {
      return null;
    }
    if (plan instanceof BatchScanExec && ((BatchScanExec) plan).scan() instanceof BlockTable) {
      return plan;
    }
    for (StructField field : df.schema().fields()) {
      if (ColumnCopy.forType(field.dataType()) == null) {
        return null;
      }
    }
    return plan;
  }
}
