package io.sparkair.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run's report logs, rewritten whole (at most once a second while reports come in, with every
 * checkpoint, and when the run ends) through the Hadoop FileSystem of the run directory: {@code result.json} (one JSON
 * object per line) and {@code progress.csv} (a header of every metric seen so far, one row per
 * report).
 */
final class RunFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> REPORT =
      new TypeReference<>() {};

  private final Path dir;
  private final Configuration conf;
  private static final long FLUSH_NANOS = 1_000_000_000L;
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private long flushed;
  private boolean dirty;

  /** Logs in {@code dir} that begin with {@code earlier} reports, already written. */
  RunFiles(String dir, Configuration conf, List<Map<String, Object>> earlier) {
    this.dir = new Path(dir);
    this.conf = conf;
    rows.addAll(earlier);
  }

  /** The reports in {@code dir}'s {@code result.json}, in order; empty when it has none. */
  static List<Map<String, Object>> read(String dir, Configuration conf) {
    Path file = new Path(dir, "result.json");
    List<Map<String, Object>> reports = new ArrayList<>();
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        return reports;
      }
      try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file),
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            reports.add(JSON.readValue(line, REPORT));
          }
        }
      }
      return reports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
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
      out.add(cell.contains(",") || cell.contains("\"") || cell.contains("\n")
          ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    return out;
  }

  private void write(String name, String content) {
    Path file = new Path(dir, name);
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (OutputStream out = fs.create(file, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e, e);
    }
  }
}
