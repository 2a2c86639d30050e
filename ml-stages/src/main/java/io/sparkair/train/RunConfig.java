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

import java.io.Serializable;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where and how a run records itself: its name, the storage path under which its directory ({@code
 * <storagePath>/<name>}) holds checkpoints, {@code result.json} and {@code progress.csv} (a local
 * path, or a Hadoop URI every executor can write), verbosity, callbacks, and the checkpoint and
 * failure policies.
 */
public final class RunConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The run's name, or null to generate one. */
  private String name;

  /** The directory under which the run's directory is made. */
  private String storagePath =
      Paths.get(System.getProperty("user.home"), "spark-air-results").toString();

  /** The console output level: 0, 1 or 2. */
  private int verbose = 1;

  /** The callbacks, in the order added. */
  private final List<TrainingCallback> callbacks = new ArrayList<>();

  /** Which checkpoints the run keeps. */
  private CheckpointConfig checkpointConfig = CheckpointConfig.keepAll();

  /** How many times the run restarts after a failure. */
  private FailureConfig failureConfig = FailureConfig.of(0);

  /** A run with a generated name under {@code ~/spark-air-results}. */
  public RunConfig() {}

  /** A copy of this configuration, sharing its callbacks. */
  public RunConfig copy() {
    RunConfig copy = new RunConfig();
    copy.name = name;
    copy.storagePath = storagePath;
    copy.verbose = verbose;
    copy.callbacks.addAll(callbacks);
    copy.checkpointConfig = checkpointConfig;
    copy.failureConfig = failureConfig;
    return copy;
  }

  /**
   * Sets the run's name, which names its directory under the storage path; must be non-empty and
   * without '/', else IllegalArgumentException. Without one, a name is generated.
   */
  public RunConfig setName(String name) {
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException(
          "a run name must be non-empty without '/', got '" + name + "'");
    }
    this.name = name;
    return this;
  }

  /**
   * Sets the path under which the run's directory is made: a local path, or a Hadoop URI every
   * executor can write; {@code ~/spark-air-results} by default. Must be non-empty, else
   * IllegalArgumentException.
   */
  public RunConfig setStoragePath(String storagePath) {
    if (storagePath == null || storagePath.isBlank()) {
      throw new IllegalArgumentException(
          "storage path must be non-empty, got '" + storagePath + "'");
    }
    this.storagePath = storagePath;
    return this;
  }

  /** 0: silent; 1: one line per report on the console (rate-limited); 2: every report. */
  public RunConfig setVerbose(int verbose) {
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + verbose);
    }
    this.verbose = verbose;
    return this;
  }

  /** Adds callbacks that receive the run's reports, after those already added. */
  public RunConfig addCallbacks(TrainingCallback... more) {
    callbacks.addAll(Arrays.asList(more));
    return this;
  }

  /** Sets which checkpoints the run keeps; {@link CheckpointConfig#keepAll} by default. */
  public RunConfig setCheckpointConfig(CheckpointConfig config) {
    this.checkpointConfig = java.util.Objects.requireNonNull(config, "checkpointConfig");
    return this;
  }

  /**
   * Sets how many times the run restarts after a failure; {@code FailureConfig.of(0)} (never) by
   * default.
   */
  public RunConfig setFailureConfig(FailureConfig config) {
    this.failureConfig = java.util.Objects.requireNonNull(config, "failureConfig");
    return this;
  }

  /** The run's name, or null to generate one. */
  public String name() {
    return name;
  }

  /** The path under which the run's directory is made. */
  public String storagePath() {
    return storagePath;
  }

  /** The console output level set by {@link #setVerbose}; 1 by default. */
  public int verbose() {
    return verbose;
  }

  /** A copy of the callbacks, in the order added. */
  public List<TrainingCallback> callbacks() {
    return List.copyOf(callbacks);
  }

  /** Which checkpoints the run keeps. */
  public CheckpointConfig checkpointConfig() {
    return checkpointConfig;
  }

  /** How many times the run restarts after a failure. */
  public FailureConfig failureConfig() {
    return failureConfig;
  }
}
