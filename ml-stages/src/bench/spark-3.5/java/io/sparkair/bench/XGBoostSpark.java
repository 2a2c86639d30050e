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
package io.sparkair.bench;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassificationModel;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassifier;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import scala.Option;

/**
 * XGBoost4J-Spark, the peer of the XGBoost benchmarks, on Spark 3.5. The Spark 4 folder has a class
 * of the same name that says the peer is absent: XGBoost4J-Spark has no Spark 4 build.
 */
public final class XGBoostSpark {
  /** Whether XGBoost4J-Spark runs on this Spark line. */
  public static final boolean AVAILABLE = true;

  private XGBoostSpark() {}

  /**
   * XGBoost4J-Spark's classifier (hist, binary:logistic, one thread per worker) reading a {@code
   * features} vector column and a {@code label} column.
   */
  public static Estimator<?> classifier(int workers, int rounds, int maxDepth) {
    XGBoostClassifier classifier = new XGBoostClassifier();
    classifier.setNumWorkers(workers);
    classifier.setNumRound(rounds);
    classifier.setMaxDepth(maxDepth);
    classifier.setTreeMethod("hist");
    classifier.setObjective("binary:logistic");
    classifier.setNthread(1);
    classifier.setFeaturesCol("features");
    classifier.setLabelCol("label");
    return classifier;
  }

  /** The classifier's grid over max depth and eta, for Spark ML's tuning. */
  public static ParamMap[] grid(Estimator<?> classifier, int[] depths, double[] etas) {
    XGBoostClassifier xgb = (XGBoostClassifier) classifier;
    return new ParamGridBuilder().addGrid(xgb.maxDepth(), depths).addGrid(xgb.eta(), etas).build();
  }

  /** XGBoost4J-Spark's model of a trained binary booster, reading a {@code features} column. */
  public static Transformer model(Booster booster) {
    XGBoostClassificationModel model =
        new XGBoostClassificationModel(
            "peer", 2, new ml.dmlc.xgboost4j.scala.Booster(booster), Option.empty());
    model.setFeaturesCol("features");
    return model;
  }
}
