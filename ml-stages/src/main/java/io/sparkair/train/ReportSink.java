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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver-side actor rank 0 reports to: it records every report, keeps the checkpoints the
 * checkpoint config asks for, writes the run's logs and calls the callbacks, one report at a time.
 */
final class ReportSink {
  private static final Logger LOG = LoggerFactory.getLogger(ReportSink.class);

  private final String run;
  private final RunFiles files;
  private final Configuration conf;
  private final CheckpointConfig policy;
  private final List<TrainingCallback> callbacks;
  private final long started = System.nanoTime();
  private final List<Map<String, Object>> history = new ArrayList<>();
  private final List<Kept> kept = new ArrayList<>();
  private volatile int attempt;
  private Checkpoint latest;

  /** A stored checkpoint and the metrics reported with it. */
  private static final class Kept {
    final String uri;
    final Checkpoint checkpoint;
    final Map<String, Object> metrics;
    final int order;

    Kept(String uri, Checkpoint checkpoint, Map<String, Object> metrics, int order) {
      this.uri = uri;
      this.checkpoint = checkpoint;
      this.metrics = metrics;
      this.order = order;
    }
  }

  /**
   * A sink for a run that continues from {@code resumed} (null for a fresh run) after the {@code
   * earlier} reports.
   */
  ReportSink(
      String run,
      String dir,
      Configuration conf,
      CheckpointConfig policy,
      List<TrainingCallback> callbacks,
      List<Map<String, Object>> earlier,
      Checkpoint resumed) {
    this.run = run;
    this.files = new RunFiles(dir, conf, earlier);
    this.conf = conf;
    this.policy = policy;
    this.callbacks = callbacks;
    this.history.addAll(earlier);
    this.latest = resumed;
  }

  void startAttempt(int number) {
    attempt = number;
    callbacks.forEach(c -> c.onStart(run, number));
  }

  /**
   * Records a report of rank 0; {@code checkpointUri} names a checkpoint stored with it. A report
   * repeating the last one's {@code training_iteration} replaces it.
   *
   * @return whether a callback asks the run to stop
   */
  Boolean report(Map<String, Object> metrics, String checkpointUri) {
    Map<String, Object> report = new LinkedHashMap<>(metrics);
    report.putIfAbsent("training_iteration", history.size() + 1);
    report.put("time_total_s", (System.nanoTime() - started) / 1e9);
    report.put("timestamp", System.currentTimeMillis() / 1000);
    report.put("attempt", attempt);
    report.put("run", run);
    boolean repeat =
        !history.isEmpty()
            && report
                .get("training_iteration")
                .equals(history.get(history.size() - 1).get("training_iteration"));
    if (repeat) {
      history.set(history.size() - 1, report);
      files.replaceLast(report);
    } else {
      history.add(report);
      files.append(report);
      callbacks.forEach(c -> c.onReport(report));
    }
    if (checkpointUri != null) {
      files.flush();
      Checkpoint checkpoint = Checkpoint.fromDirectory(checkpointUri);
      latest = checkpoint;
      kept.add(new Kept(checkpointUri, checkpoint, report, kept.size()));
      prune();
      callbacks.forEach(c -> c.onCheckpoint(checkpoint, report));
    }
    return callbacks.stream().anyMatch(TrainingCallback::shouldStop);
  }

  /** The newest checkpoint, for resuming after a failure; null when there is none. */
  String latestUri() {
    files.flush();
    return kept.stream()
        .max(Comparator.comparingInt((Kept k) -> k.order))
        .map(k -> k.uri)
        .orElse(null);
  }

  Result result(Throwable error, String path) {
    files.flush();
    List<Checkpoint> best = new ArrayList<>();
    List<Kept> ranked = ranked();
    int limit =
        policy.numToKeep() == 0 ? ranked.size() : Math.min(policy.numToKeep(), ranked.size());
    ranked.subList(0, limit).forEach(k -> best.add(k.checkpoint));
    return new Result(history, latest, best, error, path);
  }

  void end(Result result, Throwable error) {
    callbacks.forEach(c -> c.onEnd(result, error));
  }

  private List<Kept> ranked() {
    List<Kept> ranked = new ArrayList<>(kept);
    String score = policy.scoreAttribute();
    Comparator<Kept> newestFirst = Comparator.comparingInt((Kept k) -> k.order).reversed();
    if (score == null) {
      ranked.sort(newestFirst);
    } else {
      Comparator<Kept> byScore =
          Comparator.comparingDouble(
              (Kept k) -> {
                Object v = k.metrics.get(score);
                return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
              });
      ranked.sort((policy.maximize() ? byScore.reversed() : byScore).thenComparing(newestFirst));
    }
    return ranked;
  }

  /** Drops the checkpoints beyond {@code numToKeep}, but never the newest (to resume from). */
  private void prune() {
    if (policy.numToKeep() == 0 || kept.size() <= policy.numToKeep()) {
      return;
    }
    String newest = latestUri();
    List<Kept> ranked = ranked();
    for (Kept drop : ranked.subList(policy.numToKeep(), ranked.size())) {
      if (drop.uri.equals(newest)) {
        continue;
      }
      kept.remove(drop);
      drop.checkpoint.close();
      try {
        Path path = new Path(drop.uri);
        path.getFileSystem(conf).delete(path, true);
      } catch (IOException e) {
        LOG.warn("could not delete checkpoint {}: {}", drop.uri, e.toString());
      }
    }
  }
}
