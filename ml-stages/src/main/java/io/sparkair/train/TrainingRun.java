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
import io.sparkair.data.AirDataset;
import io.sparkair.data.BlockSet;
import io.sparkair.plugin.ActorGroup;
import io.sparkair.plugin.Air;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.runtime.actor.SpawnOptions;
import io.sparkair.runtime.collective.CollectiveGroup;
import io.sparkair.spark.AirSettings;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link BaseTrainer#fit()}: prepares the datasets, runs attempts on worker groups until one
 * succeeds or the {@link FailureConfig} gives up, and collects the reports into a {@link Result}.
 * The trainer's hooks decide what each attempt runs.
 *
 * <p>The class is a little over 300 lines because an attempt's steps (recover lost blocks, start
 * the group, split the shards, run, give the group back or close it) share the run's state and read
 * best in order; the choice of which failure counts is in {@link WorkerFailures}.
 */
final class TrainingRun {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

  private final BaseTrainer<?> trainer;
  private final ScalingConfig scaling;
  private final RunConfig runConfig;
  private final Map<String, AirDataset> datasets;
  private final Preprocessor preprocessor;
  private final Checkpoint resumeFrom;
  private final WorkerGroups workerGroups;

  TrainingRun(BaseTrainer<?> trainer) {
    this.trainer = trainer;
    this.scaling = trainer.scalingConfig();
    this.runConfig = trainer.runConfig();
    this.datasets = new LinkedHashMap<>(trainer.datasets());
    this.preprocessor = trainer.preprocessor();
    this.resumeFrom = trainer.resumeFrom();
    this.workerGroups = trainer.workerGroups();
  }

  /** Trains; see {@link Trainer#fit()}. */
  Result run() {
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("a trainer needs datasets; set at least \"train\"");
    }
    SparkSession spark = Air.currentSession();
    Air air = Air.get(spark);
    if (scaling.numWorkers() * scaling.cpusPerWorker() > air.maxSlots()) {
      throw new IllegalArgumentException(
          scaling
              + " needs "
              + scaling.numWorkers() * scaling.cpusPerWorker()
              + " Spark task slots but the "
              + "cluster has at most "
              + air.maxSlots());
    }
    String name =
        runConfig.name() != null
            ? runConfig.name()
            : trainer.defaultRunName()
                + "_"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss"));
    StorageLocation.requireReachable(runConfig.storagePath(), spark);
    String runDir = runConfig.storagePath() + "/" + name;
    Map<String, AirDataset> prepared = new LinkedHashMap<>();
    List<AirDataset> owned = new ArrayList<>();
    Preprocessor fitted = prepare(prepared, owned);
    trainer.validate(prepared);
    List<TrainingCallback> callbacks = new ArrayList<>();
    if (runConfig.verbose() > 0) {
      callbacks.add(new ConsoleProgress(runConfig.verbose() > 1));
    }
    callbacks.addAll(runConfig.callbacks());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    ReportSink sink =
        new ReportSink(
            name,
            runDir,
            hadoop,
            runConfig.checkpointConfig(),
            callbacks,
            earlierReports(runDir, hadoop),
            resumeFrom);
    ActorRef<ReportSink> sinkRef =
        air.runtime().hostHere("air-train-" + name + "-" + UUID.randomUUID(), sink);
    String resume = null;
    if (resumeFrom != null) {
      resume = runDir + "/resumed_from";
      resumeFrom.toDirectory(resume);
    }
    String fittedJson = fitted == null ? null : Preprocessors.toJson(fitted);
    Throwable error = null;
    Result result;
    try {
      int failures = 0;
      for (int attempt = 0; ; attempt++) {
        int number = attempt;
        if (attempt > 0) {
          air.awaitSlots(
              scaling.numWorkers() * scaling.cpusPerWorker(),
              Duration.ofSeconds(
                  spark.sparkContext().conf().getLong(AirSettings.SLOT_TIMEOUT, 60)));
        }
        sinkRef
            .call(
                s -> {
                  s.startAttempt(number);
                  return null;
                })
            .join();
        Throwable failure = runAttempt(air, prepared, runDir, resume, fittedJson, sinkRef);
        if (failure == null) {
          break;
        }
        failures++;
        if (!runConfig.failureConfig().allowsAnother(failures)) {
          throw new TrainingFailedException(
              "training failed "
                  + failures
                  + " time(s), more "
                  + "than FailureConfig(maxFailures="
                  + runConfig.failureConfig().maxFailures()
                  + ") allows: "
                  + failure,
              failure);
        }
        String latest = sinkRef.call(ReportSink::latestUri).join();
        LOG.warn(
            "training attempt {} failed ({}); restarting from {}",
            attempt,
            failure,
            latest != null ? latest : resume != null ? resume : "the start");
        if (latest != null) {
          resume = latest;
        }
      }
    } catch (RuntimeException e) {
      error = e;
      throw e;
    } finally {
      Throwable cause = error;
      result = sinkRef.call(s -> s.result(cause, runDir)).join();
      Result ended = result;
      sinkRef
          .call(
              s -> {
                s.end(ended, cause);
                return null;
              })
          .join();
      sinkRef.kill();
      owned.forEach(AirDataset::close);
    }
    return result;
  }

  /**
   * The reports a resumed run keeps: those its run directory already logged up to the checkpoint's
   * {@code training_iteration}, and the checkpoint's own report if the log missed it, so that a run
   * continued in its own directory (a restored Tuner trial) keeps one log.
   */
  private List<Map<String, Object>> earlierReports(String runDir, Configuration hadoop) {
    Object upTo =
        resumeFrom == null ? null : resumeFrom.getMetadata().metrics().get("training_iteration");
    if (!(upTo instanceof Number)) {
      return List.of();
    }
    List<Map<String, Object>> logged = RunFiles.read(runDir, hadoop);
    if (logged.isEmpty()) {
      return List.of();
    }
    long last = ((Number) upTo).longValue();
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> report : logged) {
      Object iteration = report.get("training_iteration");
      if (iteration instanceof Number && ((Number) iteration).longValue() <= last) {
        kept.add(report);
      }
    }
    if (kept.isEmpty()
        || ((Number) kept.get(kept.size() - 1).get("training_iteration")).longValue() < last) {
      kept.add(new LinkedHashMap<>(resumeFrom.getMetadata().metrics()));
    }
    return kept;
  }

  /** Fits and applies the preprocessor; returns it fitted (or null without one). */
  private Preprocessor prepare(Map<String, AirDataset> prepared, List<AirDataset> owned) {
    if (workerGroups != null
        && (preprocessor != null || (resumeFrom != null && resumeFrom.getPreprocessor() != null))) {
      workerGroups.stopIdle();
    }
    Preprocessor p = preprocessor;
    if (resumeFrom != null && resumeFrom.getPreprocessor() != null) {
      p = resumeFrom.getPreprocessor();
    } else if (p != null) {
      AirDataset train = datasets.get("train");
      if (train == null) {
        throw new IllegalArgumentException(
            "a preprocessor is fitted on the \"train\" dataset, "
                + "but the datasets are "
                + datasets.keySet());
      }
      p = Preprocessors.copy(p);
      p.fit(train);
    }
    for (Map.Entry<String, AirDataset> e : datasets.entrySet()) {
      if (p == null) {
        prepared.put(e.getKey(), e.getValue());
      } else {
        AirDataset transformed = p.transform(e.getValue());
        owned.add(transformed);
        prepared.put(e.getKey(), transformed);
      }
    }
    return p;
  }

  /**
   * Runs one attempt; returns null on success, or why it failed. Blocks lost with an executor are
   * recomputed first, while the cluster's task slots are still free for Spark.
   */
  private Throwable runAttempt(
      Air air,
      Map<String, AirDataset> prepared,
      String runDir,
      String resume,
      String preprocessorJson,
      ActorRef<ReportSink> sink) {
    int n = scaling.numWorkers();
    Map<String, Object> config = new LinkedHashMap<>(trainer.trainLoopConfig());
    boolean failed = true;
    List<AirDataset> shards = new ArrayList<>();
    prepared.values().forEach(AirDataset::recoverLostBlocks);
    TrainLoop body = trainer.startAttempt(n);
    ActorRef<CollectiveGroup> collectives = CollectiveGroup.host(air.runtime(), n);
    ActorGroup<TrainWorker> group =
        workerGroups != null
            ? workerGroups.take(air, scaling)
            : air.spawnGroup(
                n,
                rank -> new TrainWorker(),
                SpawnOptions.defaults()
                    .cpus(scaling.cpusPerWorker())
                    .gpus(scaling.useGpu() ? 1 : 0));
    try {
      List<String> executors = group.executors();
      List<Map<String, BlockSet>> perRank = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        perRank.add(new HashMap<>());
      }
      for (Map.Entry<String, AirDataset> e : prepared.entrySet()) {
        List<AirDataset> split = e.getValue().split(n, executors);
        shards.addAll(split);
        for (int r = 0; r < n; r++) {
          perRank.get(r).put(e.getKey(), split.get(r).blockSet());
        }
      }
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        WorkerSetup setup =
            new WorkerSetup(
                r,
                n,
                localRank(executors, r),
                scaling.cpusPerWorker(),
                perRank.get(r),
                resume,
                runDir,
                preprocessorJson,
                sink,
                collectives);
        running.add(group.get(r).call(w -> w.run(body, config, setup)));
      }
      Throwable failure = WorkerFailures.firstOf(running);
      failed = failure != null;
      return failure;
    } finally {
      collectives.kill();
      if (failed || workerGroups == null) {
        group.close();
      } else {
        workerGroups.giveBack(scaling, group);
      }
      shards.forEach(AirDataset::close);
      if (failed) {
        try {
          trainer.endAttempt(true);
        } catch (RuntimeException e) {
          LOG.warn("ending the failed attempt: {}", e.toString());
        }
      } else {
        trainer.endAttempt(false);
      }
    }
  }

  private static int localRank(List<String> executors, int rank) {
    int local = 0;
    for (int r = 0; r < rank; r++) {
      if (executors.get(r).equals(executors.get(rank))) {
        local++;
      }
    }
    return local;
  }
}
