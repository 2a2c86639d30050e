package io.sparkair.train;

import java.io.Serializable;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where and how a run records itself: its name, the storage path under which its directory
 * ({@code <storagePath>/<name>}) holds checkpoints, {@code result.json} and
 * {@code progress.csv} (a local path, or a Hadoop URI every executor can write), verbosity,
 * callbacks, and the checkpoint and failure policies.
 */
public final class RunConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private String name;
  private String storagePath = Paths.get(System.getProperty("user.home"), "spark-air-results")
      .toString();
  private int verbose = 1;
  private final List<TrainingCallback> callbacks = new ArrayList<>();
  private CheckpointConfig checkpointConfig = CheckpointConfig.keepAll();
  private FailureConfig failureConfig = FailureConfig.of(0);

  /** A run with a generated name under {@code ~/spark-air-results}. */
  public RunConfig() {}

  public RunConfig setName(String name) {
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("a run name must be non-empty without '/', got '"
          + name + "'");
    }
    this.name = name;
    return this;
  }

  public RunConfig setStoragePath(String storagePath) {
    if (storagePath == null || storagePath.isBlank()) {
      throw new IllegalArgumentException("storage path must be non-empty, got '"
          + storagePath + "'");
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

  public RunConfig addCallbacks(TrainingCallback... more) {
    callbacks.addAll(Arrays.asList(more));
    return this;
  }

  public RunConfig setCheckpointConfig(CheckpointConfig config) {
    this.checkpointConfig = java.util.Objects.requireNonNull(config, "checkpointConfig");
    return this;
  }

  public RunConfig setFailureConfig(FailureConfig config) {
    this.failureConfig = java.util.Objects.requireNonNull(config, "failureConfig");
    return this;
  }

  /** The run's name, or null to generate one. */
  public String name() {
    return name;
  }

  public String storagePath() {
    return storagePath;
  }

  public int verbose() {
    return verbose;
  }

  public List<TrainingCallback> callbacks() {
    return List.copyOf(callbacks);
  }

  public CheckpointConfig checkpointConfig() {
    return checkpointConfig;
  }

  public FailureConfig failureConfig() {
    return failureConfig;
  }
}
