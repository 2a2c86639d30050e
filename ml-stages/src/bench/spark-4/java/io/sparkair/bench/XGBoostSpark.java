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
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;

/**
 * XGBoost4J-Spark, the peer of the XGBoost benchmarks, which has no Spark 4 build: on this line the
 * benchmarks compare with native XGBoost and with their Spark 3.5 figures instead.
 */
public final class XGBoostSpark {
  /** Whether XGBoost4J-Spark runs on this Spark line. */
  public static final boolean AVAILABLE = false;

  private XGBoostSpark() {}

  /** Not on Spark 4. */
  public static Estimator<?> classifier(int workers, int rounds, int maxDepth) {
    throw absent();
  }

  /** Not on Spark 4. */
  public static ParamMap[] grid(Estimator<?> classifier, int[] depths, double[] etas) {
    throw absent();
  }

  /** Not on Spark 4. */
  public static Transformer model(Booster booster) {
    throw absent();
  }

  private static UnsupportedOperationException absent() {
    return new UnsupportedOperationException("XGBoost4J-Spark has no Spark 4 build");
  }
}
