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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trees evaluated in Java against XGBoost's own prediction, on the breast-cancer rows. */
class XGBoostTreesTest {
  private static final int WIDTH = 30;
  private static float[] features;
  private static float[] target;
  private static float[] withMissing;
  private static int rows;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    List<String> lines =
        Files.readAllLines(
            Path.of(XGBoostTreesTest.class.getResource("/breast_cancer.csv").toURI()));
    rows = lines.size() - 1;
    features = new float[rows * WIDTH];
    target = new float[rows];
    for (int r = 0; r < rows; r++) {
      String[] cells = lines.get(r + 1).split(",");
      for (int c = 0; c < WIDTH; c++) {
        features[r * WIDTH + c] = Float.parseFloat(cells[c]);
      }
      target[r] = Float.parseFloat(cells[WIDTH]);
    }
    withMissing = features.clone();
    Random random = new Random(7);
    for (int i = 0; i < withMissing.length; i++) {
      if (random.nextInt(5) == 0) {
        withMissing[i] = Float.NaN;
      }
    }
  }

  private static Booster train(float[] x, float[] y, Map<String, Object> params, int rounds)
      throws XGBoostError {
    DMatrix matrix = new DMatrix(x, rows, WIDTH, Float.NaN);
    matrix.setLabel(y);
    Map<String, Object> all = new HashMap<>(params);
    all.put("nthread", 1);
    all.put("seed", 3);
    return XGBoost.train(matrix, all, rounds, new HashMap<>(), null, null);
  }

  private static void assertSameAsXGBoost(Booster booster, float[] x) throws XGBoostError {
    XGBoostTrees trees =
        XGBoostTrees.of(booster).orElseThrow(() -> new AssertionError("the booster was refused"));
    float[][] margins =
        booster.inplace_predict(
            x, rows, WIDTH, Float.NaN, new int[] {0, 0}, Booster.PredictionType.kMargin, null);
    float[][] values = booster.inplace_predict(x, rows, WIDTH, Float.NaN);
    assertClose(margins, trees.predict(x, rows, WIDTH, true));
    assertClose(values, trees.predict(x, rows, WIDTH, false));
  }

  private static void assertClose(float[][] expected, float[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int r = 0; r < expected.length; r++) {
      assertEquals(expected[r].length, actual[r].length, "row " + r);
      for (int k = 0; k < expected[r].length; k++) {
        assertEquals(
            expected[r][k],
            actual[r][k],
            2e-6 * Math.max(1, Math.abs(expected[r][k])),
            "row " + r + ", output " + k);
      }
    }
  }

  @Test
  void binaryLogisticWithAndWithoutMissingValues() throws XGBoostError {
    Booster deep =
        train(
            features,
            target,
            Map.of("objective", "binary:logistic", "max_depth", 6, "eta", 0.3),
            60);
    assertSameAsXGBoost(deep, features);
    assertSameAsXGBoost(deep, withMissing);
    Booster trainedWithMissing =
        train(withMissing, target, Map.of("objective", "binary:logistic", "max_depth", 4), 30);
    assertSameAsXGBoost(trainedWithMissing, withMissing);
  }

  @Test
  void regressionAndCountObjectives() throws XGBoostError {
    float[] radius = new float[rows];
    for (int r = 0; r < rows; r++) {
      radius[r] = features[r * WIDTH];
    }
    for (String objective :
        List.of("reg:squarederror", "count:poisson", "reg:gamma", "binary:logitraw")) {
      float[] y = objective.equals("binary:logitraw") ? target : radius;
      assertSameAsXGBoost(train(withMissing, y, Map.of("objective", objective), 25), withMissing);
    }
  }

  @Test
  void multiClassProbabilitiesAndClasses() throws XGBoostError {
    float[] bucket = new float[rows];
    for (int r = 0; r < rows; r++) {
      float radius = features[r * WIDTH];
      bucket[r] = radius < 12 ? 0 : radius < 16 ? 1 : 2;
    }
    for (String objective : List.of("multi:softprob", "multi:softmax")) {
      Booster booster =
          train(
              withMissing,
              bucket,
              Map.of("objective", objective, "num_class", 3, "max_depth", 5),
              20);
      assertEquals(
          3,
          XGBoostTrees.of(booster).orElseThrow().predict(features, 1, WIDTH, true)[0].length,
          "a margin per class");
      assertSameAsXGBoost(booster, withMissing);
    }
  }

  @Test
  void boostersTheyWouldScoreDifferentlyAreLeftToXGBoost() throws XGBoostError {
    assertTrue(
        XGBoostTrees.of(
                train(
                    features,
                    target,
                    Map.of("objective", "binary:logistic", "booster", "gblinear"),
                    5))
            .isEmpty(),
        "gblinear");
    assertTrue(
        XGBoostTrees.of(
                train(
                    features,
                    target,
                    Map.of("objective", "binary:logistic", "booster", "dart", "rate_drop", 0.3),
                    5))
            .isEmpty(),
        "dart");
    assertTrue(
        XGBoostTrees.of(train(features, target, Map.of("objective", "binary:hinge"), 5)).isEmpty(),
        "an objective without a listed transform");
    assertTrue(XGBoostTrees.fromJson("not json".getBytes()).isEmpty());
  }

  @Test
  void narrowerRowsAreRefused() throws XGBoostError {
    XGBoostTrees trees =
        XGBoostTrees.of(train(features, target, Map.of("objective", "binary:logistic"), 3))
            .orElseThrow();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> trees.predict(new float[29], 1, 29, false));
    assertTrue(e.getMessage().contains("29"), e.getMessage());
  }
}
