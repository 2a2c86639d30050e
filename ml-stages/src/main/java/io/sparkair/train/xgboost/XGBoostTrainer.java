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

import io.sparkair.plugin.Air;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.train.BoostingTrainer;
import io.sparkair.train.TrainLoop;
import io.sparkair.train.TrainingFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.RabitTracker;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed XGBoost on AIR datasets, as Ray's {@code XGBoostTrainer}: one XGBoost worker per
 * actor, joined through XGBoost4J's collective with the tracker on the driver, each building its
 * matrix from its own shard. Each round's metrics are reported as {@code <dataset>-<metric>} (e.g.
 * {@code train-logloss}, {@code valid-error}) and a checkpoint holding the booster in XGBoost's
 * JSON format is stored every {@code checkpointFrequency} rounds and after the last.
 *
 * <pre>{@code
 * Result result = new XGBoostTrainer()
 *     .setLabelColumn("target").setNumBoostRound(20)
 *     .setParams(Map.of("objective", "binary:logistic",
 *         "eval_metric", List.of("logloss", "error")))
 *     .setScalingConfig(ScalingConfig.of(2))
 *     .setDataset("train", train).setDataset("valid", valid)
 *     .setPreprocessor(new StandardScaler("mean radius", "mean texture"))
 *     .fit();
 * }</pre>
 *
 * <p>{@code nthread} defaults to the worker's cores. {@code useGpu} sets XGBoost's {@code device}
 * to {@code cuda} (not tested here: these machines have no GPU).
 */
public final class XGBoostTrainer extends BoostingTrainer<XGBoostTrainer> {
  private static final Set<String> OBJECTIVES =
      Set.of(
          "reg:squarederror",
          "reg:squaredlogerror",
          "reg:logistic",
          "reg:pseudohubererror",
          "reg:absoluteerror",
          "reg:quantileerror",
          "reg:gamma",
          "reg:tweedie",
          "binary:logistic",
          "binary:logitraw",
          "binary:hinge",
          "count:poisson",
          "survival:cox",
          "survival:aft",
          "multi:softmax",
          "multi:softprob",
          "rank:ndcg",
          "rank:map",
          "rank:pairwise");
  private static final Logger LOG = LoggerFactory.getLogger(XGBoostTrainer.class);
  private static final long TRACKER_STOP_SECONDS = 5;

  private int evalFrequency = 1;
  private XGBoostLoop loop;
  private RabitTracker tracker;

  /** A trainer; set at least the label column and a {@code train} dataset. */
  public XGBoostTrainer() {
    super();
  }

  @Override
  protected XGBoostTrainer newInstance() {
    return new XGBoostTrainer();
  }

  /**
   * Evaluates the datasets and reports every {@code rounds} rounds (1, every round, by default),
   * and after checkpointed rounds and the last: for runs that need no per-round metrics, each
   * evaluation being a pass over every dataset and a report. Tune's schedulers then see one result
   * per {@code rounds} rounds.
   *
   * @throws IllegalArgumentException when {@code rounds} is not positive
   */
  public XGBoostTrainer setEvalFrequency(int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("evalFrequency must be >= 1, got " + rounds);
    }
    this.evalFrequency = rounds;
    return this;
  }

  /** How often the datasets are evaluated and reported, in rounds. */
  public int evalFrequency() {
    return evalFrequency;
  }

  /** {@inheritDoc} Also the evaluation frequency. */
  @Override
  protected void copyInto(XGBoostTrainer target) {
    super.copyInto(target);
    target.evalFrequency = evalFrequency;
  }

  @Override
  protected String defaultRunName() {
    return "XGBoostTrainer";
  }

  @Override
  protected boolean givesProbability() {
    return XGBoostPredictor.givesProbability(String.valueOf(params().get("objective")));
  }

  @Override
  protected String library() {
    return "XGBoost";
  }

  /** {@inheritDoc} XGBoost's {@code eval_metric} may be one name or a list. */
  @Override
  protected void validateParams(List<String> datasetOrder) {
    Map<String, Object> boosterParams = params();
    Object objective = boosterParams.get("objective");
    if (objective != null && !OBJECTIVES.contains(objective.toString())) {
      throw new IllegalArgumentException(
          "unknown XGBoost objective '"
              + objective
              + "'; known: "
              + new java.util.TreeSet<>(OBJECTIVES));
    }
    Object metrics = boosterParams.remove("eval_metric");
    List<String> evalMetrics = new ArrayList<>();
    if (metrics instanceof Iterable) {
      ((Iterable<?>) metrics).forEach(m -> evalMetrics.add(m.toString()));
    } else if (metrics != null) {
      evalMetrics.add(metrics.toString());
    }
    if (scalingConfig().useGpu()) {
      boosterParams.putIfAbsent("device", "cuda");
    }
    loop =
        new XGBoostLoop(
            labelColumn(),
            featureColumns(),
            boosterParams,
            evalMetrics,
            numBoostRound(),
            checkpointFrequency(),
            evalFrequency,
            datasetOrder,
            Map.of());
  }

  /** {@inheritDoc} The loop joins the workers through an XGBoost tracker of this attempt. */
  @Override
  protected TrainLoop startAttempt(int numWorkers) {
    String host =
        Air.currentSession().sparkContext().getConf().get("spark.driver.host", "127.0.0.1");
    try {
      tracker = new RabitTracker(numWorkers, host);
      tracker.start();
      return loop.withTracker(tracker.getWorkerArgs());
    } catch (XGBoostError e) {
      throw new TrainingFailedException("could not start XGBoost's tracker on " + host, e);
    }
  }

  /**
   * {@inheritDoc} After a failure the tracker is stopped on a thread of its own, waited for {@value
   * #TRACKER_STOP_SECONDS} s at most: XGBoost's native tracker can wait forever for a worker that
   * died, and the run must go on to its retry or its error.
   */
  @Override
  protected void endAttempt(boolean failed) {
    RabitTracker ending = tracker;
    tracker = null;
    if (ending == null) {
      return;
    }
    if (!failed) {
      try {
        ending.waitFor(0L);
        ending.stop();
      } catch (XGBoostError e) {
        throw new TrainingFailedException("XGBoost's tracker failed", e);
      }
      return;
    }
    Thread stopping =
        new Thread(
            () -> {
              try {
                ending.stop();
              } catch (XGBoostError e) {
                LOG.warn("stopping XGBoost's tracker after a failed attempt: {}", e.toString());
              }
            },
            "xgboost-tracker-stop");
    stopping.setDaemon(true);
    stopping.start();
    try {
      stopping.join(TimeUnit.SECONDS.toMillis(TRACKER_STOP_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopping.isAlive()) {
      LOG.warn(
          "XGBoost's tracker did not stop within {} s after a failed attempt; left to "
              + "end on its own",
          TRACKER_STOP_SECONDS);
    }
  }
}
