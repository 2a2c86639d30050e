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
package io.sparkair.train;

import io.sparkair.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a run left: the last reported metrics, every report, the latest and best checkpoints, the
 * error if it failed, and its directory.
 */
public final class Result {
  private final List<Map<String, Object>> history;
  private final Checkpoint checkpoint;
  private final List<Checkpoint> best;
  private final Throwable error;
  private final String path;

  Result(
      List<Map<String, Object>> history,
      Checkpoint checkpoint,
      List<Checkpoint> best,
      Throwable error,
      String path) {
    this.history = List.copyOf(history);
    this.checkpoint = checkpoint;
    this.best = List.copyOf(best);
    this.error = error;
    this.path = path;
  }

  /**
   * The result a run left in its directory (Ray's {@code Result.from_path}): its reports from
   * {@code result.json} and its {@code checkpoint_*} directories, newest first. The error of a
   * failed run is not stored there, so it is null.
   *
   * @throws IllegalArgumentException when {@code path} holds no run
   */
  public static Result fromPath(String path, Configuration hadoop) {
    List<Map<String, Object>> history = RunFiles.read(path, hadoop);
    List<String> names = RunStorage.directories(path, "checkpoint_", hadoop);
    names.sort(Collections.reverseOrder());
    List<Checkpoint> newestFirst = new ArrayList<>();
    for (String name : names) {
      newestFirst.add(Checkpoint.fromDirectory(path + "/" + name));
    }
    return new Result(
        history, newestFirst.isEmpty() ? null : newestFirst.get(0), newestFirst, null, path);
  }

  /** The last report's metrics; empty when nothing was reported. */
  public Map<String, Object> metrics() {
    return history.isEmpty() ? Map.of() : history.get(history.size() - 1);
  }

  /** Every report of rank 0, in order. */
  public List<Map<String, Object>> metricsHistory() {
    return history;
  }

  /**
   * Every report as a DataFrame, one row per report and one column per metric (numbers as doubles,
   * others as strings).
   */
  public Dataset<Row> metricsDataFrame(SparkSession spark) {
    TreeSet<String> names = new TreeSet<>();
    history.forEach(m -> names.addAll(m.keySet()));
    Map<String, DataType> types = new LinkedHashMap<>();
    for (String name : names) {
      boolean numeric =
          history.stream().map(m -> m.get(name)).allMatch(v -> v == null || v instanceof Number);
      types.put(name, numeric ? DataTypes.DoubleType : DataTypes.StringType);
    }
    List<StructField> fields = new ArrayList<>();
    types.forEach((n, t) -> fields.add(DataTypes.createStructField(n, t, true)));
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> m : history) {
      Object[] values = new Object[types.size()];
      int i = 0;
      for (Map.Entry<String, DataType> column : types.entrySet()) {
        Object v = m.get(column.getKey());
        values[i++] =
            v == null
                ? null
                : column.getValue() == DataTypes.DoubleType
                    ? ((Number) v).doubleValue()
                    : v.toString();
      }
      rows.add(RowFactory.create(values));
    }
    return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
  }

  /** The latest checkpoint, or null when none was reported. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** The checkpoints kept, best first (by the checkpoint config's metric, else newest first). */
  public List<Checkpoint> bestCheckpoints() {
    return Collections.unmodifiableList(best);
  }

  /** Why the run failed, or null. */
  public Throwable error() {
    return error;
  }

  /** The run's directory. */
  public String path() {
    return path;
  }

  @Override
  public String toString() {
    return "Result(metrics=" + metrics() + ", checkpoint=" + checkpoint + ", error=" + error + ")";
  }
}
