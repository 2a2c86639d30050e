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
package io.sparkair.train.lightgbm;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.BatchIterator;
import io.sparkair.data.BlockSet;
import io.sparkair.predict.FeatureRows;
import io.sparkair.predict.LightGBMNative;
import io.sparkair.predict.LightGBMPredictor;
import io.sparkair.predict.ModelInfo;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.train.TrainContext;
import io.sparkair.train.TrainLoop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One LightGBM worker: builds its datasets from its shards, joins the other workers in LightGBM's
 * data-parallel network ({@link LightGBMNetwork} tells it the machine list and when to connect),
 * boosts round by round, and reports each round's metrics over every worker's rows as {@code
 * <dataset>-<metric>}, with a checkpoint every {@code checkpointFrequency} rounds and after the
 * last. When the driver asks to stop, every worker learns it in the same round.
 */
final class LightGBMLoop implements TrainLoop {
  private static final long serialVersionUID = 1L;

  /** Metrics whose value is the square root of a mean: combined from their squares. */
  private static final Set<String> ROOT_MEAN = Set.of("rmse", "l2_root", "root_mean_squared_error");

  private final String label;
  private final List<String> features;
  private final String params;
  private final String objective;
  private final int rounds;
  private final int checkpointFrequency;
  private final List<String> datasets;

  /** The attempt's network of workers, or null for one worker. */
  private final ActorRef<LightGBMNetwork> network;

  LightGBMLoop(
      String label,
      List<String> features,
      String params,
      String objective,
      int rounds,
      int checkpointFrequency,
      List<String> datasets) {
    this(label, features, params, objective, rounds, checkpointFrequency, datasets, null);
  }

  private LightGBMLoop(
      String label,
      List<String> features,
      String params,
      String objective,
      int rounds,
      int checkpointFrequency,
      List<String> datasets,
      ActorRef<LightGBMNetwork> network) {
    this.label = label;
    this.features = features;
    this.params = params;
    this.objective = objective;
    this.rounds = rounds;
    this.checkpointFrequency = checkpointFrequency;
    this.datasets = datasets;
    this.network = network;
  }

  /** This loop, for the workers of an attempt joined by {@code network}. */
  LightGBMLoop onNetwork(ActorRef<LightGBMNetwork> network) {
    return new LightGBMLoop(
        label, features, params, objective, rounds, checkpointFrequency, datasets, network);
  }

  @Override
  public void run(Map<String, Object> config, TrainContext context) throws Exception {
    LightGBMNative.load();
    int rank = context.worldRank();
    List<FeatureRows> rows = new ArrayList<>();
    List<String> used = null;
    for (String name : datasets) {
      BlockSet shard = context.getDatasetShard(name);
      if (used == null) {
        used = FeatureRows.featureColumns(List.of(shard.schema().fieldNames()), label, features);
      }
      rows.add(read(shard, used));
    }
    if (rows.get(0).rows() == 0) {
      throw new IllegalArgumentException(
          "LightGBM worker "
              + rank
              + " got no rows of the train "
              + "dataset; use fewer workers or repartition the data");
    }
    LightGBMPeers peers = network == null ? null : new LightGBMPeers(network, rank);
    List<LGBMDataset> matrices = new ArrayList<>();
    LGBMBooster booster = null;
    LGBMBooster resumed = null;
    try {
      if (peers != null) {
        peers.connect(context.worldSize());
      }
      String own = params + " num_threads=" + context.cpus();
      Checkpoint resume = context.getCheckpoint();
      int done = 0;
      if (resume != null) {
        resumed =
            LGBMBooster.loadModelFromString(
                Files.readString(resume.modelDirectory().resolve(LightGBMPredictor.MODEL_FILE)));
        done = ((Number) resume.getMetadata().metrics().get("training_iteration")).intValue();
      }
      for (int d = 0; d < rows.size(); d++) {
        matrices.add(dataset(rows.get(d), own, d == 0 ? null : matrices.get(0), resumed));
      }
      booster = LGBMBooster.create(matrices.get(0), own);
      if (resumed != null) {
        BoosterMerge.prepend(booster, resumed);
      }
      for (int d = 1; d < matrices.size(); d++) {
        if (matrices.get(d) != null) {
          booster.addValidData(matrices.get(d));
        }
      }
      String[] metricNames = booster.getEvalNames();
      for (int round = done; round < rounds; round++) {
        booster.updateOneIter();
        double[] mine =
            evaluate(booster, rows, matrices, metricNames, rank == 0 && context.shouldStop());
        double[] all = peers == null ? mine : peers.round(mine);
        Map<String, Object> metrics = metrics(all, metricNames);
        metrics.put("training_iteration", round + 1);
        boolean stop = all[0] > 0;
        boolean last = round + 1 == rounds || stop;
        boolean due = last || (checkpointFrequency > 0 && (round + 1) % checkpointFrequency == 0);
        context.report(metrics, due && rank == 0 ? checkpoint(booster, metrics, used) : null);
        if (stop) {
          break;
        }
      }
    } finally {
      for (LGBMDataset m : matrices) {
        if (m != null) {
          m.close();
        }
      }
      if (booster != null) {
        booster.close();
      }
      if (resumed != null) {
        resumed.close();
      }
      if (peers != null) {
        peers.close();
      }
    }
  }

  private FeatureRows read(BlockSet shard, List<String> used) {
    FeatureRows rows = new FeatureRows();
    if (shard == null) {
      return rows;
    }
    try (BatchIterator batches = shard.iterBatches(65_536, 2)) {
      while (batches.hasNext()) {
        rows.add(batches.next(), label, used);
      }
    }
    return rows;
  }

  /**
   * A LightGBM dataset of these rows (null when there are none), binned like {@code reference} when
   * given; when resuming, its initial scores are the resumed model's raw predictions.
   */
  private static LGBMDataset dataset(
      FeatureRows rows, String params, LGBMDataset reference, LGBMBooster resumed)
      throws LGBMException {
    int n = rows.rows();
    if (n == 0) {
      return null;
    }
    LGBMDataset data =
        LGBMDataset.createFromMat(
            java.util.Arrays.copyOf(rows.values(), n * rows.width()),
            n,
            rows.width(),
            true,
            params,
            reference);
    data.setField("label", java.util.Arrays.copyOf(rows.labels(), n));
    if (resumed != null) {
      double[] raw =
          resumed.predictForMat(
              java.util.Arrays.copyOf(rows.values(), n * rows.width()),
              n,
              rows.width(),
              true,
              PredictionType.C_API_PREDICT_RAW_SCORE);
      int perRow = raw.length / n;
      double[] byClass = new double[raw.length];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < perRow; k++) {
          byClass[k * n + i] = raw[i * perRow + k];
        }
      }
      data.setField("init_score", byClass);
    }
    return data;
  }

  /**
   * This worker's part of the round: the stop flag, then per dataset its row count and, per metric,
   * the value times the rows (its square times the rows for a root-mean metric).
   */
  private static double[] evaluate(
      LGBMBooster booster,
      List<FeatureRows> rows,
      List<LGBMDataset> matrices,
      String[] names,
      boolean stop)
      throws LGBMException {
    double[] part = new double[1 + rows.size() * (1 + names.length)];
    part[0] = stop ? 1 : 0;
    int at = 1;
    int index = 0;
    for (int d = 0; d < rows.size(); d++) {
      int n = matrices.get(d) == null ? 0 : rows.get(d).rows();
      part[at] = n;
      if (n > 0) {
        double[] values = booster.getEval(index++);
        for (int m = 0; m < names.length; m++) {
          double v = values[m];
          part[at + 1 + m] = n * (ROOT_MEAN.contains(names[m]) ? v * v : v);
        }
      }
      at += 1 + names.length;
    }
    return part;
  }

  private Map<String, Object> metrics(double[] all, String[] names) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    int at = 1;
    for (String dataset : datasets) {
      double n = all[at];
      if (n > 0) {
        for (int m = 0; m < names.length; m++) {
          double mean = all[at + 1 + m] / n;
          metrics.put(
              dataset + "-" + names[m], ROOT_MEAN.contains(names[m]) ? Math.sqrt(mean) : mean);
        }
      }
      at += 1 + names.length;
    }
    return metrics;
  }

  private Checkpoint checkpoint(
      LGBMBooster booster, Map<String, Object> metrics, List<String> featureColumns)
      throws LGBMException {
    String model = booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT);
    return Checkpoint.builder(LightGBMPredictor.FRAMEWORK)
        .modelFile(LightGBMPredictor.MODEL_FILE, model.getBytes(StandardCharsets.UTF_8))
        .modelFile(ModelInfo.INFO_FILE, new ModelInfo(label, featureColumns, objective).toJson())
        .metrics(metrics)
        .build();
  }
}
