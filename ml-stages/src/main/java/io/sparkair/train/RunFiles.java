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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * A run's report logs, rewritten whole (at most once a second while reports come in, with every
 * checkpoint, and when the run ends) through {@link RunStorage}: {@code result.json} (one JSON
 * object per line) and {@code progress.csv} (a header of every metric seen so far, one row per
 * report).
 */
final class RunFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> REPORT =
      new TypeReference<>() {};

  private final String dir;
  private final Configuration conf;
  private static final long FLUSH_NANOS = 1_000_000_000L;
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private long flushed;
  private boolean dirty;

  /** Logs in {@code dir} that begin with {@code earlier} reports, already written. */
  RunFiles(String dir, Configuration conf, List<Map<String, Object>> earlier) {
    this.dir = dir;
    this.conf = conf;
    rows.addAll(earlier);
  }

  /** The reports in {@code dir}'s {@code result.json}, in order; empty when it has none. */
  static List<Map<String, Object>> read(String dir, Configuration conf) {
    byte[] content = RunStorage.readIfExists(dir + "/result.json", conf);
    List<Map<String, Object>> reports = new ArrayList<>();
    if (content == null) {
      return reports;
    }
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        try {
          reports.add(JSON.readValue(line, REPORT));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("a line of " + dir + "/result.json is not JSON: " + e, e);
        }
      }
    }
    return reports;
  }

  void append(Map<String, Object> report) {
    rows.add(report);
    flushSoon();
  }

  /** Replaces the last report. */
  void replaceLast(Map<String, Object> report) {
    rows.set(rows.size() - 1, report);
    flushSoon();
  }

  /** Writes the files at most once a second while reports come in. */
  private void flushSoon() {
    dirty = true;
    if (System.nanoTime() - flushed > FLUSH_NANOS) {
      flush();
    }
  }

  /** Writes the files now if a report came in since they were last written. */
  void flush() {
    if (!dirty) {
      return;
    }
    dirty = false;
    flushed = System.nanoTime();
    StringBuilder json = new StringBuilder();
    for (Map<String, Object> row : rows) {
      try {
        json.append(JSON.writeValueAsString(row)).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("a reported metric is not JSON: " + e, e);
      }
    }
    write("result.json", json.toString());
    write("progress.csv", csv());
  }

  private String csv() {
    Set<String> header = new LinkedHashSet<>();
    rows.forEach(r -> header.addAll(r.keySet()));
    StringBuilder out = new StringBuilder(String.join(",", escape(header))).append('\n');
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : header) {
        Object v = row.get(column);
        cells.add(v == null ? "" : v.toString());
      }
      out.append(String.join(",", escape(cells))).append('\n');
    }
    return out.toString();
  }

  private static List<String> escape(Iterable<String> cells) {
    List<String> out = new ArrayList<>();
    for (String cell : cells) {
      out.add(
          cell.contains(",") || cell.contains("\"") || cell.contains("\n")
              ? "\"" + cell.replace("\"", "\"\"") + "\""
              : cell);
    }
    return out;
  }

  private void write(String name, String content) {
    RunStorage.write(dir + "/" + name, content.getBytes(StandardCharsets.UTF_8), conf);
  }
}
