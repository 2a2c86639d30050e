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
package io.sparkair.train.xgboost;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.BatchIterator;
import io.sparkair.data.BlockSet;
import io.sparkair.predict.FeatureRows;
import io.sparkair.predict.ModelInfo;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.train.TrainContext;
import io.sparkair.train.TrainLoop;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.Communicator;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * One XGBoost worker: joins the collective through the driver's tracker, builds its matrices from
 * its shards, boosts round by round, and reports each round's metrics (computed over every worker's
 * rows) as {@code <dataset>-<metric>} every {@code evalFrequency} rounds, with a checkpoint every
 * {@code checkpointFrequency} rounds and after the last (both evaluated and reported too). When the
 * driver asks to stop, rank 0 tells every worker through the collective, so all stop after the same
 * round, checkpointed.
 */
final class XGBoostLoop implements TrainLoop {
  private static final long serialVersionUID = 1L;

  private final String label;
  private final List<String> features;
  private final Map<String, Object> params;
  private final List<String> evalMetrics;
  private final int rounds;
  private final int checkpointFrequency;
  private final int evalFrequency;
  private final List<String> datasets;

  /** The arguments joining the attempt's tracker. */
  private final Map<String, Object> tracker;

  /** The loop; {@code tracker} holds the arguments joining an attempt's tracker (empty before). */
  XGBoostLoop(
      String label,
      List<String> features,
      Map<String, Object> params,
      List<String> evalMetrics,
      int rounds,
      int checkpointFrequency,
      int evalFrequency,
      List<String> datasets,
      Map<String, Object> tracker) {
    this.label = label;
    this.features = features;
    this.params = params;
    this.evalMetrics = evalMetrics;
    this.rounds = rounds;
    this.checkpointFrequency = checkpointFrequency;
    this.evalFrequency = evalFrequency;
    this.datasets = datasets;
    this.tracker = tracker;
  }

  /** This loop, for the workers of an attempt joining the tracker of {@code trackerArgs}. */
  XGBoostLoop withTracker(Map<String, Object> trackerArgs) {
    return new XGBoostLoop(
        label,
        features,
        params,
        evalMetrics,
        rounds,
        checkpointFrequency,
        evalFrequency,
        datasets,
        new HashMap<>(trackerArgs));
  }

  @Override
  public void run(Map<String, Object> config, TrainContext context) throws Exception {
    Map<String, Object> args = new HashMap<>(tracker);
    args.put("dmlc_task_id", String.valueOf(context.worldRank()));
    Communicator.init(args);
    List<DMatrix> matrices = new ArrayList<>();
    List<String> resolved = null;
    try {
      String[] names = datasets.toArray(new String[0]);
      for (String name : names) {
        BlockSet shard = context.getDatasetShard(name);
        List<String> columns = List.of(shard.schema().fieldNames());
        List<String> used = FeatureRows.featureColumns(columns, label, features);
        if (resolved == null) {
          resolved = used;
        }
        FeatureRows rows = new FeatureRows();
        try (BatchIterator batches = shard.iterBatches(65_536, 2)) {
          while (batches.hasNext()) {
            rows.add(batches.next(), label, used);
          }
        }
        matrices.add(rows.toDMatrix());
      }
      DMatrix train = matrices.get(0);
      Map<String, Object> p = new HashMap<>(params);
      p.putIfAbsent("nthread", context.cpus());
      Booster start = null;
      int done = 0;
      Checkpoint resume = context.getCheckpoint();
      if (resume != null) {
        start =
            XGBoost.loadModel(
                java.nio.file.Files.readAllBytes(
                    resume.modelDirectory().resolve(XGBoostPredictor.MODEL_FILE)));
        done = start.getNumBoostedRound();
      }
      Booster booster = XGBoost.train(train, p, 0, new HashMap<>(), null, null, null, 0, start);
      for (String metric : evalMetrics) {
        booster.setParam("eval_metric", metric);
      }
      DMatrix[] evals = matrices.toArray(new DMatrix[0]);
      for (int round = done; round < rounds; round++) {
        booster.update(train, round);
        boolean last = round + 1 == rounds;
        boolean due = last || (checkpointFrequency > 0 && (round + 1) % checkpointFrequency == 0);
        if (!due && (round + 1) % evalFrequency != 0) {
          continue;
        }
        Map<String, Object> metrics = parse(booster.evalSet(evals, names, round));
        metrics.put("training_iteration", round + 1);
        boolean rankZero = context.worldRank() == 0;
        context.report(metrics, due && rankZero ? checkpoint(booster, metrics, resolved) : null);
        float[] stop =
            Communicator.allReduce(
                new float[] {rankZero && context.shouldStop() ? 1f : 0f}, Communicator.OpType.MAX);
        if (stop[0] > 0) {
          if (!due && rankZero) {
            context.report(metrics, checkpoint(booster, metrics, resolved));
          }
          break;
        }
      }
    } finally {
      matrices.forEach(DMatrix::dispose);
      Communicator.shutdown();
    }
  }

  private Checkpoint checkpoint(
      Booster booster, Map<String, Object> metrics, List<String> featureColumns) throws Exception {
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    booster.saveModel(model, "json");
    Object objective = params.getOrDefault("objective", "reg:squarederror");
    return Checkpoint.builder(XGBoostPredictor.FRAMEWORK)
        .modelFile(XGBoostPredictor.MODEL_FILE, model.toByteArray())
        .modelFile(
            ModelInfo.INFO_FILE,
            new ModelInfo(label, featureColumns, objective.toString()).toJson())
        .metrics(metrics)
        .build();
  }

  /** Parses XGBoost's {@code [3]\ttrain-logloss:0.2\tvalid-error:0.05} into a map. */
  static Map<String, Object> parse(String evaluation) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (String part : evaluation.trim().split("\t")) {
      int colon = part.lastIndexOf(':');
      if (part.startsWith("[") || colon < 0) {
        continue;
      }
      metrics.put(part.substring(0, colon), Double.parseDouble(part.substring(colon + 1)));
    }
    return metrics;
  }
}
