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

import io.sparkair.plugin.Air;
import io.sparkair.predict.LightGBMPredictor;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.train.BoostingTrainer;
import io.sparkair.train.TrainLoop;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Distributed LightGBM on AIR datasets, as Ray's {@code LightGBMTrainer}: one LightGBM worker per
 * actor, each building its dataset from its own shard, joined in LightGBM's data-parallel network
 * over TCP (the workers learn each other's addresses through the driver). Each round's metrics are
 * reported as {@code <dataset>-<metric>} (e.g. {@code train-binary_logloss}, {@code valid-auc})
 * over every worker's rows, and a checkpoint holding the model in LightGBM's text format is stored
 * every {@code checkpointFrequency} rounds and after the last.
 *
 * <pre>{@code
 * Result result = new LightGBMTrainer()
 *     .setLabelColumn("target").setNumBoostRound(50)
 *     .setParams(Map.of("objective", "binary", "metric", List.of("binary_logloss", "auc")))
 *     .setScalingConfig(ScalingConfig.of(2))
 *     .setDataset("train", train).setDataset("valid", valid)
 *     .fit();
 * }</pre>
 *
 * <p>Metrics that are means over rows ({@code l2}, {@code binary_logloss}, {@code binary_error},
 * {@code multi_logloss}, ...) are exact over all workers, {@code rmse} too; ranking metrics such as
 * {@code auc}, {@code ndcg} and {@code map} are the row-weighted mean of each worker's value.
 * {@code num_threads} is the worker's cores. With several workers {@code tree_learner} is {@code
 * data} unless set to {@code voting}. The network needs IPv4 executor addresses. {@code useGpu}
 * sets {@code device_type=gpu} (not tested here: these machines have no GPU, and lightgbm4j's
 * library is built for CPUs).
 */
public final class LightGBMTrainer extends BoostingTrainer<LightGBMTrainer> {
  private static final Set<String> OBJECTIVES =
      Set.of(
          "regression",
          "regression_l2",
          "l2",
          "mean_squared_error",
          "mse",
          "l2_root",
          "root_mean_squared_error",
          "rmse",
          "regression_l1",
          "l1",
          "mean_absolute_error",
          "mae",
          "huber",
          "fair",
          "poisson",
          "quantile",
          "mape",
          "mean_absolute_percentage_error",
          "gamma",
          "tweedie",
          "binary",
          "multiclass",
          "softmax",
          "multiclassova",
          "multiclass_ova",
          "ova",
          "ovr",
          "cross_entropy",
          "xentropy",
          "cross_entropy_lambda",
          "xentlambda",
          "lambdarank",
          "rank_xendcg",
          "xendcg",
          "xe_ndcg",
          "xe_ndcg_mart",
          "xendcg_mart");

  /** Parameters the trainer sets itself. */
  private static final Set<String> RESERVED =
      Set.of(
          "num_machines",
          "num_machine",
          "machines",
          "workers",
          "nodes",
          "local_listen_port",
          "local_port",
          "port",
          "machine_list_filename",
          "machine_list_file",
          "machine_list",
          "mlist",
          "num_threads",
          "num_thread",
          "nthread",
          "nthreads",
          "n_jobs",
          "num_iterations",
          "num_iteration",
          "n_iter",
          "num_tree",
          "num_trees",
          "num_round",
          "num_rounds",
          "nrounds",
          "num_boost_round",
          "n_estimators",
          "max_iter",
          "task",
          "input_model",
          "output_model");

  private LightGBMLoop loop;
  private ActorRef<LightGBMNetwork> network;

  /** A trainer; set at least the label column and a {@code train} dataset. */
  public LightGBMTrainer() {
    super();
  }

  @Override
  protected LightGBMTrainer newInstance() {
    return new LightGBMTrainer();
  }

  @Override
  protected String defaultRunName() {
    return "LightGBMTrainer";
  }

  @Override
  protected boolean givesProbability() {
    return LightGBMPredictor.givesProbability(
        String.valueOf(params().getOrDefault("objective", "regression")));
  }

  @Override
  protected String library() {
    return "LightGBM";
  }

  /**
   * {@inheritDoc} A parameter whose value is a list (such as {@code metric}) is passed
   * comma-separated.
   */
  @Override
  protected void validateParams(List<String> datasetOrder) {
    Map<String, Object> params = params();
    for (String key : params.keySet()) {
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException(
            "LightGBM parameter '"
                + key
                + "' is set by the "
                + "trainer (rounds: setNumBoostRound; threads: ScalingConfig.cpusPerWorker; network: "
                + "the worker group)");
      }
    }
    String objective = String.valueOf(params.getOrDefault("objective", "regression"));
    if (!OBJECTIVES.contains(objective)) {
      throw new IllegalArgumentException(
          "unknown LightGBM objective '" + objective + "'; known: " + new TreeSet<>(OBJECTIVES));
    }
    int workers = scalingConfig().numWorkers();
    String learner = String.valueOf(params.getOrDefault("tree_learner", "data"));
    if (workers > 1 && !learner.equals("data") && !learner.equals("voting")) {
      throw new IllegalArgumentException(
          "tree_learner '"
              + learner
              + "' cannot train on "
              + workers
              + " workers; use data or voting");
    }
    if (workers > 1) {
      params.put("tree_learner", learner);
      params.put("num_machines", workers);
    }
    params.putIfAbsent("verbosity", -1);
    if (scalingConfig().useGpu()) {
      params.putIfAbsent("device_type", "gpu");
    }
    loop =
        new LightGBMLoop(
            labelColumn(),
            featureColumns(),
            toParameterString(params),
            objective,
            numBoostRound(),
            checkpointFrequency(),
            datasetOrder);
  }

  /** LightGBM's {@code key=value} parameter string; lists are joined with commas. */
  static String toParameterString(Map<String, Object> params) {
    StringJoiner out = new StringJoiner(" ");
    params.forEach(
        (key, value) -> {
          String text;
          if (value instanceof Iterable) {
            StringJoiner items = new StringJoiner(",");
            ((Iterable<?>) value).forEach(v -> items.add(String.valueOf(v)));
            text = items.toString();
          } else if (value instanceof Boolean) {
            text = value.toString().toLowerCase(Locale.ROOT);
          } else {
            text = String.valueOf(value);
          }
          if (key.isEmpty() || key.contains(" ") || key.contains("=") || text.contains(" ")) {
            throw new IllegalArgumentException(
                "LightGBM parameter "
                    + key
                    + "="
                    + text
                    + " has a space or '=' where LightGBM cannot read it");
          }
          out.add(key + "=" + text);
        });
    return out.toString();
  }

  /** {@inheritDoc} With several workers, the loop joins them in a network of this attempt. */
  @Override
  protected TrainLoop startAttempt(int numWorkers) {
    if (numWorkers < 2) {
      return loop;
    }
    Air air = Air.get(Air.currentSession());
    network =
        air.runtime()
            .hostHere("air-lightgbm-network-" + UUID.randomUUID(), new LightGBMNetwork(numWorkers));
    return loop.onNetwork(network);
  }

  @Override
  protected void endAttempt(boolean failed) {
    ActorRef<LightGBMNetwork> ending = network;
    network = null;
    if (ending != null) {
      ending.kill();
    }
  }
}
