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
package io.sparkair.examples;

import java.util.Map;

/** Prints a run's final metrics as a two-column table, numbers to four decimals. */
final class MetricsTable {
  private MetricsTable() {}

  /** Prints {@code title}, then one line per metric, names aligned. */
  static void print(String title, Map<String, ?> metrics) {
    int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder table = new StringBuilder(title).append('\n');
    metrics.forEach(
        (name, value) ->
            table.append(
                String.format(
                    "  %-" + width + "s  %s%n",
                    name,
                    value instanceof Double || value instanceof Float
                        ? String.format("%.4f", ((Number) value).doubleValue())
                        : value)));
    System.out.print(table);
  }
}
