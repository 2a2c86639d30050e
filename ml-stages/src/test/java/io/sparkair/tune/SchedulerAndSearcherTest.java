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
package io.sparkair.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ASHA, median stopping and TPE on synthetic learning curves and objectives, without Spark. */
class SchedulerAndSearcherTest {

  /** A learning curve: the loss falls from 1 toward {@code floor}. */
  private static double loss(double floor, int iteration) {
    return floor + (1 - floor) * Math.exp(-iteration / 5.0);
  }

  /**
   * Runs 16 trials with floors 0.0 to 0.75 through a scheduler; returns the iterations each ran.
   */
  private static Map<String, Integer> run(TrialScheduler scheduler, int maxT) {
    scheduler.setup("loss", "min");
    Map<String, Integer> ran = new LinkedHashMap<>();
    Map<String, Boolean> alive = new LinkedHashMap<>();
    for (int t = 0; t < 16; t++) {
      ran.put("t" + t, 0);
      alive.put("t" + t, true);
    }
    for (int it = 1; it <= maxT; it++) {
      for (int t = 0; t < 16; t++) {
        String id = "t" + t;
        if (!alive.get(id)) {
          continue;
        }
        ran.put(id, it);
        TrialScheduler.Decision d =
            scheduler.onTrialResult(
                id, Map.of("training_iteration", it, "loss", loss(t * 0.05, it)));
        if (d == TrialScheduler.Decision.STOP) {
          alive.put(id, false);
        }
      }
    }
    return ran;
  }

  @Test
  void ashaStopsTheBadTrialsEarlyAndLetsTheBestRunToMaxT() {
    Map<String, Integer> ran = run(new AshaScheduler("training_iteration", 64, 1, 2), 64);
    assertEquals(64, ran.get("t0"), "the best trial runs to maxT");
    long stoppedEarly = ran.values().stream().filter(n -> n < 64).count();
    assertTrue(stoppedEarly >= 8, "at least the bad half stopped early: " + ran);
    for (int t = 8; t < 16; t++) {
      assertTrue(ran.get("t" + t) < 64, "t" + t + " is in the bad half: " + ran);
    }
    int total = ran.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(total < 16 * 64 / 2, "less than half the budget of running all: " + total);
  }

  @Test
  void medianStoppingStopsTrialsBelowTheMedian() {
    Map<String, Integer> ran = run(new MedianStoppingRule("training_iteration", 3, 3), 20);
    assertEquals(20, ran.get("t0"));
    assertTrue(ran.get("t15") < 20, ran.toString());
    long stopped = ran.values().stream().filter(n -> n < 20).count();
    assertTrue(stopped >= 6, ran.toString());
  }

  /** The best objective a searcher finds in 40 trials of a 2-d quadratic. */
  private static double bestFound(Searcher searcher, long seed) {
    Map<String, Object> space = Map.of("x", Tune.uniform(0, 1), "y", Tune.uniform(0, 1));
    searcher.setup(space, "loss", "min", seed);
    double best = Double.MAX_VALUE;
    for (int i = 0; ; i++) {
      Map<String, Object> c = searcher.suggest("t" + i);
      if (c == null) {
        return best;
      }
      double x = (Double) c.get("x");
      double y = (Double) c.get("y");
      double loss = (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7);
      best = Math.min(best, loss);
      searcher.onTrialComplete("t" + i, Map.of("loss", loss), false);
    }
  }

  @Test
  void tpeBeatsRandomSearchOnASyntheticObjective() {
    double tpe = 0;
    double random = 0;
    int wins = 0;
    for (long seed = 1; seed <= 10; seed++) {
      double t = bestFound(new TpeSearcher(40), seed);
      double r = bestFound(new BasicVariantGenerator(40), seed);
      tpe += t;
      random += r;
      wins += t < r ? 1 : 0;
    }
    assertTrue(tpe < random, "mean best: TPE " + tpe / 10 + ", random " + random / 10);
    assertTrue(wins >= 8, "TPE better in " + wins + " of 10 seeds");
    assertEquals(
        bestFound(new TpeSearcher(40), 3),
        bestFound(new TpeSearcher(40), 3),
        "seeded: the same search twice");
  }

  @Test
  void tpeLearnsACategoricalParameter() {
    TpeSearcher searcher = new TpeSearcher(40);
    searcher.setup(
        Map.of("booster", Tune.choice("gbtree", "dart", "gblinear"), "x", Tune.uniform(0, 1)),
        "loss",
        "min",
        7);
    int dartInLast20 = 0;
    for (int i = 0; i < 40; i++) {
      Map<String, Object> c = searcher.suggest("t" + i);
      boolean dart = "dart".equals(c.get("booster"));
      double x = (Double) c.get("x");
      dartInLast20 += i >= 20 && dart ? 1 : 0;
      searcher.onTrialComplete(
          "t" + i, Map.of("loss", (dart ? 0 : 1) + (x - 0.3) * (x - 0.3)), false);
    }
    assertTrue(dartInLast20 >= 15, "the best category in " + dartInLast20 + " of the last 20");
  }
}
