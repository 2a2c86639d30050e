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

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's progress for {@link ProgressOutput}: its start, a report at most once a second (every one
 * when asked for), and its end, each the run's latest state.
 */
final class ConsoleProgress implements TrainingCallback {
  private final boolean everyReport;
  private long lastPrinted;

  ConsoleProgress(boolean everyReport) {
    this.everyReport = everyReport;
  }

  @Override
  public void onStart(String run, int attempt) {
    ProgressOutput.current().show(run, "[" + run + "] attempt " + attempt + " started");
  }

  @Override
  public void onReport(Map<String, Object> metrics) {
    long now = System.nanoTime();
    if (!everyReport && now - lastPrinted < 1_000_000_000L) {
      return;
    }
    lastPrinted = now;
    String run = String.valueOf(metrics.get("run"));
    ProgressOutput.current()
        .show(
            run,
            "["
                + run
                + "] "
                + metrics.entrySet().stream()
                    .filter(e -> !"run".equals(e.getKey()))
                    .map(e -> e.getKey() + "=" + format(e.getValue()))
                    .collect(Collectors.joining(" ")));
  }

  @Override
  public void onEnd(Result result, Throwable error) {
    String run = result.path().substring(result.path().lastIndexOf('/') + 1);
    ProgressOutput.current()
        .show(
            run,
            error == null
                ? "[" + result.path() + "] finished: " + result.metrics()
                : "[" + result.path() + "] failed: " + error);
  }

  private static String format(Object value) {
    return value instanceof Double
        ? String.format(Locale.ROOT, "%.5g", (Double) value)
        : String.valueOf(value);
  }
}
