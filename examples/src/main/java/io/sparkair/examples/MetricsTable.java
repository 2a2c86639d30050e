package io.sparkair.examples;

import java.util.Map;

/** Prints a run's final metrics as a two-column table, numbers to four decimals. */
final class MetricsTable {
  private MetricsTable() {}

  /** Prints {@code title}, then one line per metric, names aligned. */
  static void print(String title, Map<String, ?> metrics) {
    int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder table = new StringBuilder(title).append('\n');
    metrics.forEach((name, value) -> table.append(String.format("  %-" + width + "s  %s%n", name,
        value instanceof Double || value instanceof Float
            ? String.format("%.4f", ((Number) value).doubleValue()) : value)));
    System.out.print(table);
  }
}
