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

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.train.TrainContext;
import io.sparkair.train.TrainLoop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A training loop for Tuner tests whose score after iteration {@code i} is {@code i * x}: it
 * checkpoints every iteration, resumes from a checkpoint, and can log its starts, sleep, fail once
 * or always, and stops when the driver asks. Configuration: {@code x}, {@code iterations}, {@code
 * sleepMs}, {@code log} (a file each start appends {@code "<x> <first iteration> <workers> <ms>"}
 * to, and each end {@code "end <x> <workers> <ms>"}), {@code failOnceAt} (an iteration that fails
 * on the first attempt; a marker file next to the log remembers it), {@code alwaysFail}.
 */
final class ToyLoop implements TrainLoop {
  private static final long serialVersionUID = 1L;

  @Override
  public void run(Map<String, Object> config, TrainContext context) throws Exception {
    double x = ((Number) config.get("x")).doubleValue();
    int iterations = ((Number) config.getOrDefault("iterations", 5)).intValue();
    long sleepMs = ((Number) config.getOrDefault("sleepMs", 0)).longValue();
    String log = (String) config.get("log");
    boolean rankZero = context.worldRank() == 0;
    int done = 0;
    Checkpoint resume = context.getCheckpoint();
    if (resume != null) {
      done = Integer.parseInt(Files.readString(resume.modelDirectory().resolve("iteration")));
    }
    if (log != null && rankZero) {
      append(
          log, x + " " + (done + 1) + " " + context.worldSize() + " " + System.currentTimeMillis());
    }
    for (int i = done + 1; i <= iterations; i++) {
      Thread.sleep(sleepMs);
      if (Boolean.TRUE.equals(config.get("alwaysFail")) && i == 2) {
        throw new IllegalStateException("this trial always fails at iteration 2");
      }
      Object failOnceAt = config.get("failOnceAt");
      if (failOnceAt != null && i == ((Number) failOnceAt).intValue()) {
        Path marker = Paths.get(log + ".failed-" + x);
        if (!Files.exists(marker)) {
          Files.createFile(marker);
          throw new IllegalStateException("a one-time failure at iteration " + i);
        }
      }
      Checkpoint checkpoint =
          rankZero
              ? Checkpoint.builder("toy")
                  .modelFile("iteration", Integer.toString(i).getBytes(StandardCharsets.UTF_8))
                  .build()
              : null;
      context.report(Map.of("score", i * x, "training_iteration", i), checkpoint);
      if (context.shouldStop()) {
        break;
      }
    }
    if (log != null && rankZero) {
      append(log, "end " + x + " " + context.worldSize() + " " + System.currentTimeMillis());
    }
  }

  private static void append(String file, String line) throws Exception {
    Files.writeString(
        Paths.get(file),
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
