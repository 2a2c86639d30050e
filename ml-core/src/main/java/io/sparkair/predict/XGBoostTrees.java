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
package io.sparkair.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trees of an XGBoost {@code gbtree} booster, read from its JSON model and evaluated in Java.
 * XGBoost's native prediction builds a fresh context per call, which reads the process's cgroup
 * files (about 100 µs of system calls here) before it scores a single row; for the few rows a
 * served request carries, that cost is nearly all of the call. These trees answer the same scores
 * without it.
 *
 * <p>Only what XGBoost evaluates identically is taken: numerical splits ({@code fvalue <
 * split_condition}, missing values to the default side), one leaf value per node, trees summed into
 * their output group in order, in single precision, and the objectives whose output transform is
 * listed in {@link Transform}. Categorical splits, vector leaves and other boosters ({@code dart},
 * {@code gblinear}) are refused. The intercept (XGBoost's base score in margin space) is measured
 * against the native booster, and the result is checked against it on probe rows before it is used.
 *
 * <p>The class is long because it walks XGBoost's JSON model format (trees, categorical splits,
 * base score, objectives) in one reader, which must follow that format as one piece.
 */
final class XGBoostTrees {
  private static final Logger LOG = LoggerFactory.getLogger(XGBoostTrees.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final float TOLERANCE = 1e-5f;

  /** How an objective turns a row's margins into XGBoost's predicted values. */
  enum Transform {
    IDENTITY,
    SIGMOID,
    EXP,
    SOFTMAX,
    ARGMAX;

    static Optional<Transform> of(String objective) {
      switch (objective) {
        case "reg:squarederror":
        case "reg:squaredlogerror":
        case "reg:pseudohubererror":
        case "reg:absoluteerror":
        case "binary:logitraw":
        case "rank:pairwise":
        case "rank:ndcg":
        case "rank:map":
          return Optional.of(IDENTITY);
        case "binary:logistic":
        case "reg:logistic":
          return Optional.of(SIGMOID);
        case "count:poisson":
        case "reg:gamma":
        case "reg:tweedie":
          return Optional.of(EXP);
        case "multi:softprob":
          return Optional.of(SOFTMAX);
        case "multi:softmax":
          return Optional.of(ARGMAX);
        default:
          return Optional.empty();
      }
    }

    float[] apply(float[] margins, int from, int groups) {
      switch (this) {
        case SIGMOID:
        case EXP:
        case IDENTITY:
          {
            float[] out = new float[groups];
            for (int g = 0; g < groups; g++) {
              float m = margins[from + g];
              out[g] =
                  this == SIGMOID
                      ? (float) (1 / (1 + Math.exp(-m)))
                      : this == EXP ? (float) Math.exp(m) : m;
            }
            return out;
          }
        case SOFTMAX:
          {
            float max = Float.NEGATIVE_INFINITY;
            for (int g = 0; g < groups; g++) {
              max = Math.max(max, margins[from + g]);
            }
            float[] out = new float[groups];
            double sum = 0;
            for (int g = 0; g < groups; g++) {
              out[g] = (float) Math.exp(margins[from + g] - max);
              sum += out[g];
            }
            for (int g = 0; g < groups; g++) {
              out[g] = (float) (out[g] / sum);
            }
            return out;
          }
        default:
          {
            int best = 0;
            for (int g = 1; g < groups; g++) {
              best = margins[from + g] > margins[from + best] ? g : best;
            }
            return new float[] {best};
          }
      }
    }
  }

  private final Transform transform;
  private final int groups;
  private final int width;
  private final int[] group;
  private final int[][] left;
  private final int[][] right;
  private final int[][] feature;
  private final float[][] condition;
  private final boolean[][] defaultLeft;
  private final float[] intercept;

  private XGBoostTrees(
      Transform transform,
      int groups,
      int width,
      int[] group,
      int[][] left,
      int[][] right,
      int[][] feature,
      float[][] condition,
      boolean[][] defaultLeft) {
    this.transform = transform;
    this.groups = groups;
    this.width = width;
    this.group = group;
    this.left = left;
    this.right = right;
    this.feature = feature;
    this.condition = condition;
    this.defaultLeft = defaultLeft;
    this.intercept = new float[groups];
  }

  /**
   * The trees of {@code booster}, or empty when it holds anything they would not score as XGBoost
   * does (checked on probe rows against the booster itself).
   */
  static Optional<XGBoostTrees> of(Booster booster) {
    try {
      Optional<XGBoostTrees> trees = fromJson(booster.toByteArray("json"));
      if (trees.isPresent() && !trees.get().calibrate(booster)) {
        LOG.info("XGBoost booster scored natively: its trees evaluated in Java differ from it");
        return Optional.empty();
      }
      return trees;
    } catch (XGBoostError e) {
      LOG.info("XGBoost booster scored natively: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** The trees of {@code modelJson} (XGBoost's JSON model), with no intercept yet. */
  static Optional<XGBoostTrees> fromJson(byte[] modelJson) {
    JsonNode learner;
    try {
      learner = JSON.readTree(modelJson).path("learner");
    } catch (IOException e) {
      return Optional.empty();
    }
    JsonNode booster = learner.path("gradient_booster");
    Optional<Transform> transform = Transform.of(learner.path("objective").path("name").asText());
    if (!"gbtree".equals(booster.path("name").asText()) || transform.isEmpty()) {
      return Optional.empty();
    }
    JsonNode params = learner.path("learner_model_param");
    int classes = params.path("num_class").asInt(0);
    int targets = params.path("num_target").asInt(1);
    if (targets > 1) {
      return Optional.empty();
    }
    int groups = Math.max(classes, 1);
    int width = params.path("num_feature").asInt(-1);
    JsonNode trees = booster.path("model").path("trees");
    JsonNode info = booster.path("model").path("tree_info");
    int n = trees.size();
    if (width < 0 || info.size() != n) {
      return Optional.empty();
    }
    int[] group = new int[n];
    int[][] left = new int[n][];
    int[][] right = new int[n][];
    int[][] feature = new int[n][];
    float[][] condition = new float[n][];
    boolean[][] defaultLeft = new boolean[n][];
    for (int t = 0; t < n; t++) {
      JsonNode tree = trees.get(t);
      group[t] = info.get(t).asInt();
      if (group[t] < 0
          || group[t] >= groups
          || tree.path("tree_param").path("size_leaf_vector").asInt(1) > 1
          || anyNonZero(tree.path("split_type"))) {
        return Optional.empty();
      }
      left[t] = ints(tree.path("left_children"));
      right[t] = ints(tree.path("right_children"));
      feature[t] = ints(tree.path("split_indices"));
      JsonNode conditions = tree.path("split_conditions");
      JsonNode defaults = tree.path("default_left");
      int nodes = left[t].length;
      if (nodes == 0
          || right[t].length != nodes
          || feature[t].length != nodes
          || conditions.size() != nodes
          || defaults.size() != nodes) {
        return Optional.empty();
      }
      condition[t] = new float[nodes];
      defaultLeft[t] = new boolean[nodes];
      for (int i = 0; i < nodes; i++) {
        condition[t][i] = conditions.get(i).floatValue();
        defaultLeft[t][i] = defaults.get(i).asInt() != 0;
        if (left[t][i] >= 0
            && (left[t][i] >= nodes
                || right[t][i] < 0
                || right[t][i] >= nodes
                || feature[t][i] < 0
                || feature[t][i] >= width)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        new XGBoostTrees(
            transform.get(), groups, width, group, left, right, feature, condition, defaultLeft));
  }

  private static boolean anyNonZero(JsonNode values) {
    for (JsonNode v : values) {
      if (v.asInt() != 0) {
        return true;
      }
    }
    return false;
  }

  private static int[] ints(JsonNode values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).asInt();
    }
    return out;
  }

  /**
   * Takes the intercept from the booster's margin on a row of missing values, then checks margins
   * and values against the booster on rows that send every split each way.
   */
  private boolean calibrate(Booster booster) throws XGBoostError {
    float[] probes = new float[4 * width];
    Arrays.fill(probes, 0, width, Float.NaN);
    Arrays.fill(probes, 2 * width, 3 * width, Float.MAX_VALUE);
    Arrays.fill(probes, 3 * width, 4 * width, -Float.MAX_VALUE);
    float[][] nativeMargins =
        booster.inplace_predict(
            probes, 4, width, Float.NaN, new int[] {0, 0}, Booster.PredictionType.kMargin, null);
    float[][] nativeValues = booster.inplace_predict(probes, 4, width, Float.NaN);
    float[] sums = margins(probes, 1, width);
    for (int g = 0; g < groups; g++) {
      intercept[g] = nativeMargins[0][g] - sums[g];
    }
    return close(predict(probes, 4, width, true), nativeMargins)
        && close(predict(probes, 4, width, false), nativeValues);
  }

  private static boolean close(float[][] ours, float[][] theirs) {
    if (ours.length != theirs.length) {
      return false;
    }
    for (int r = 0; r < ours.length; r++) {
      if (ours[r].length != theirs[r].length) {
        return false;
      }
      for (int k = 0; k < ours[r].length; k++) {
        float a = ours[r][k];
        float b = theirs[r][k];
        if (!(Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b)))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * XGBoost's prediction for {@code rows} row-major rows of {@code rowWidth} values ({@code NaN} is
   * missing), shaped as {@code Booster.inplace_predict} shapes it: per row, the margins ({@code
   * margin}) or the objective's values.
   *
   * @throws IllegalArgumentException when the rows are narrower than the booster's features
   */
  float[][] predict(float[] values, int rows, int rowWidth, boolean margin) {
    float[] margins = margins(values, rows, rowWidth);
    float[][] out = new float[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] =
          margin
              ? Arrays.copyOfRange(margins, r * groups, (r + 1) * groups)
              : transform.apply(margins, r * groups, groups);
    }
    return out;
  }

  /** Per row and group, row-major: the intercept plus the sum of the group's leaves. */
  private float[] margins(float[] values, int rows, int rowWidth) {
    if (rowWidth < width) {
      throw new IllegalArgumentException(
          "the booster reads " + width + " features, the rows " + "have " + rowWidth);
    }
    float[] out = new float[rows * groups];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(intercept, 0, out, r * groups, groups);
    }
    for (int t = 0; t < left.length; t++) {
      int[] l = left[t];
      int[] rt = right[t];
      int[] f = feature[t];
      float[] c = condition[t];
      boolean[] d = defaultLeft[t];
      int g = group[t];
      for (int r = 0; r < rows; r++) {
        int base = r * rowWidth;
        int node = 0;
        while (l[node] >= 0) {
          float v = values[base + f[node]];
          node = Float.isNaN(v) ? (d[node] ? l[node] : rt[node]) : v < c[node] ? l[node] : rt[node];
        }
        out[r * groups + g] += c[node];
      }
    }
    return out;
  }
}
