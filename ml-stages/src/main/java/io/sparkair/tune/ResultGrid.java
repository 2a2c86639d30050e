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
package io.sparkair.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The trials of an experiment (Ray's {@code ResultGrid}), in the order they were suggested. */
public final class ResultGrid implements Iterable<TrialResult> {
  private final List<TrialResult> trials;
  private final String metric;
  private final String mode;
  private final String path;

  ResultGrid(List<TrialResult> trials, String metric, String mode, String path) {
    this.trials = List.copyOf(trials);
    this.metric = metric;
    this.mode = mode;
    this.path = path;
  }

  /**
   * The trials as HTML, as a notebook shows them: the metric's curve per trial as inline SVG, and a
   * table of each trial's status, last metric value and configuration.
   */
  public String toHtml() {
    List<TrialStatus> statuses = new java.util.ArrayList<>();
    for (TrialResult t : trials) {
      TrialStatus status = new TrialStatus(t.trialId(), t.config());
      status.end(
          t.result() == null ? List.of() : t.result().metricsHistory(),
          t.error() != null ? "ERROR" : t.stoppedEarly() ? "STOPPED" : "TERMINATED",
          metric);
      statuses.add(status);
    }
    String name = path == null ? "experiment" : path.substring(path.lastIndexOf('/') + 1);
    return new ProgressReporter(name, metric).fragment(statuses);
  }

  @Override
  public Iterator<TrialResult> iterator() {
    return trials.iterator();
  }

  /** The number of trials. */
  public int size() {
    return trials.size();
  }

  /** The trial at {@code index}, in the order trials were suggested. */
  public TrialResult get(int index) {
    return trials.get(index);
  }

  /** The experiment directory. */
  public String path() {
    return path;
  }

  /** The best trial by the experiment's metric and mode, over each trial's last report. */
  public TrialResult getBestResult() {
    return getBestResult(metric, mode, "last");
  }

  /**
   * The best trial by a metric.
   *
   * @param scope {@code last} (each trial's last report) or {@code all} (its best report)
   * @throws IllegalArgumentException when no trial reported the metric
   */
  public TrialResult getBestResult(String metric, String mode, String scope) {
    if (metric == null || !("min".equals(mode) || "max".equals(mode))) {
      throw new IllegalArgumentException(
          "getBestResult needs a metric and mode min or max, got " + metric + ", " + mode);
    }
    if (!"last".equals(scope) && !"all".equals(scope)) {
      throw new IllegalArgumentException("scope must be last or all, got " + scope);
    }
    Comparator<Double> order =
        "min".equals(mode)
            ? Comparator.naturalOrder()
            : Comparator.<Double>naturalOrder().reversed();
    Optional<TrialResult> best =
        trials.stream()
            .filter(t -> score(t, metric, mode, scope) != null)
            .min(Comparator.comparing(t -> score(t, metric, mode, scope), order));
    return best.orElseThrow(
        () -> new IllegalArgumentException("no trial reported '" + metric + "'"));
  }

  private static Double score(TrialResult t, String metric, String mode, String scope) {
    if (t.result() == null) {
      return null;
    }
    List<Double> values = new ArrayList<>();
    List<Map<String, Object>> history =
        "last".equals(scope)
            ? (t.metrics().isEmpty() ? List.of() : List.of(t.metrics()))
            : t.result().metricsHistory();
    for (Map<String, Object> report : history) {
      Object v = report.get(metric);
      if (v instanceof Number) {
        values.add(((Number) v).doubleValue());
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    return "min".equals(mode)
        ? values.stream().min(Double::compare).get()
        : values.stream().max(Double::compare).get();
  }

  /** The trials that failed. */
  public List<TrialResult> errors() {
    return trials.stream().filter(t -> t.error() != null).collect(Collectors.toList());
  }

  /** The number of trials that failed. */
  public int numErrors() {
    return errors().size();
  }

  /** Trials that ended without error (finished or stopped by the scheduler). */
  public int numTerminated() {
    return trials.size() - numErrors();
  }

  /**
   * One row per trial: {@code trial_id}, the last report's numeric metrics, and the configuration
   * flattened as {@code config/params/max_depth} (values as text).
   */
  public Dataset<Row> getDataFrame(SparkSession spark) {
    List<Map<String, Object>> rows = new ArrayList<>();
    LinkedHashMap<String, Boolean> numeric = new LinkedHashMap<>();
    numeric.put("trial_id", false);
    for (TrialResult t : trials) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("trial_id", t.trialId());
      t.metrics()
          .forEach(
              (k, v) -> {
                if (v instanceof Number) {
                  row.put(k, ((Number) v).doubleValue());
                  numeric.putIfAbsent(k, true);
                }
              });
      flatten("config", t.config(), row, numeric);
      rows.add(row);
    }
    List<StructField> fields = new ArrayList<>();
    numeric.forEach(
        (name, isNumber) ->
            fields.add(
                DataTypes.createStructField(
                    name, isNumber ? DataTypes.DoubleType : DataTypes.StringType, true)));
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object[] values = new Object[fields.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(fields.get(i).name());
      }
      out.add(RowFactory.create(values));
    }
    return spark.createDataFrame(out, new StructType(fields.toArray(new StructField[0])));
  }

  private static void flatten(
      String prefix,
      Map<String, Object> config,
      Map<String, Object> row,
      Map<String, Boolean> columns) {
    config.forEach(
        (k, v) -> {
          String name = prefix + "/" + k;
          if (v instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) v;
            flatten(name, inner, row, columns);
          } else {
            row.put(name, String.valueOf(v));
            columns.putIfAbsent(name, false);
          }
        });
  }
}
