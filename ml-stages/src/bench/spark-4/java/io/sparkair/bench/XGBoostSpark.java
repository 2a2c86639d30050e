package io.sparkair.bench;

import ml.dmlc.xgboost4j.java.Booster;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;

/**
 * XGBoost4J-Spark, the peer of the XGBoost benchmarks, which has no Spark 4 build: on this line
 * the benchmarks compare with native XGBoost and with their Spark 3.5 figures instead.
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
