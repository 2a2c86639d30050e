package io.sparkair.train;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.BlockSet;
import io.sparkair.preprocess.Preprocessors;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A worker's {@link TrainContext}: reports of rank 0 go to the driver, synchronously. */
final class WorkerContext implements TrainContext {
  private final WorkerSetup setup;
  private Checkpoint resumed;
  private int reports;
  private volatile boolean stop;

  WorkerContext(WorkerSetup setup) {
    this.setup = setup;
  }

  @Override
  public BlockSet getDatasetShard(String name) {
    return setup.shards.get(name);
  }

  @Override
  public void report(Map<String, ?> metrics) {
    report(metrics, null);
  }

  /** {@inheritDoc} The trainer's fitted preprocessor is added to a checkpoint without one. */
  @Override
  public void report(Map<String, ?> metrics, Checkpoint checkpoint) {
    Objects.requireNonNull(metrics, "metrics");
    reports++;
    if (setup.rank != 0) {
      return;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(metrics);
    String uri = null;
    if (checkpoint != null) {
      if (setup.preprocessorJson != null && checkpoint.getPreprocessor() == null) {
        checkpoint = checkpoint.withPreprocessor(Preprocessors.fromJson(setup.preprocessorJson));
      }
      Object iteration = copy.getOrDefault("training_iteration", reports);
      uri = setup.runDir + "/checkpoint_" + String.format(Locale.ROOT, "%06d",
          ((Number) iteration).intValue());
      checkpoint.toDirectory(uri);
    }
    String stored = uri;
    stop = setup.sink.call(sink -> sink.report(copy, stored)).join();
  }

  @Override
  public boolean shouldStop() {
    return stop;
  }

  @Override
  public synchronized Checkpoint getCheckpoint() {
    if (resumed == null && setup.resumeFrom != null) {
      resumed = Checkpoint.fromDirectory(setup.resumeFrom);
    }
    return resumed;
  }

  @Override
  public int worldRank() {
    return setup.rank;
  }

  @Override
  public int worldSize() {
    return setup.worldSize;
  }

  @Override
  public int localRank() {
    return setup.localRank;
  }

  @Override
  public int cpus() {
    return setup.cpus;
  }
}
