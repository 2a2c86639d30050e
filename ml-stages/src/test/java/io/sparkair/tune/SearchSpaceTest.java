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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ray Tune's sampling and variant generation, without Spark. */
class SearchSpaceTest {
  private static List<Object> draw(Domain d, int n) {
    Random random = new Random(1);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(d.sample(random, Map.of()));
    }
    return out;
  }

  @Test
  void distributionsKeepTheirBoundsSpreadAndQuantization() {
    for (Object v : draw(Tune.uniform(0.2, 0.4), 2000)) {
      assertTrue((Double) v >= 0.2 && (Double) v < 0.4, "uniform " + v);
    }
    List<Object> log = draw(Tune.loguniform(1e-4, 1e-1), 4000);
    long below = log.stream().filter(v -> (Double) v < Math.sqrt(1e-4 * 1e-1)).count();
    assertEquals(0.5, below / 4000.0, 0.03, "half the log-uniform mass below the geometric mid");
    assertTrue(log.stream().allMatch(v -> (Double) v >= 1e-4 && (Double) v <= 1e-1));
    for (Object v : draw(Tune.quniform(0, 1, 0.25), 500)) {
      assertEquals(0, ((Double) v / 0.25) % 1, 1e-9, "a multiple of q: " + v);
    }
    Set<Object> ints = new HashSet<>(draw(Tune.randint(1, 9), 2000));
    assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), ints, "randint excludes its upper bound");
    Set<Object> q = new HashSet<>(draw(Tune.qrandint(0, 10, 5), 2000));
    assertEquals(Set.of(0, 5, 10), q, "qrandint includes its upper bound");
    List<Object> normal = draw(Tune.randn(3, 2), 5000);
    double mean = normal.stream().mapToDouble(v -> (Double) v).average().orElseThrow();
    assertEquals(3, mean, 0.1);
    assertEquals(Set.of("a", "b", "c"), new HashSet<>(draw(Tune.choice("a", "b", "c"), 300)));
    for (Object v : draw(Tune.qloguniform(1, 1000, 10), 300)) {
      assertEquals(0, ((Double) v / 10) % 1, 1e-9);
    }
    assertThrows(IllegalArgumentException.class, () -> Tune.uniform(1, 1));
    assertThrows(IllegalArgumentException.class, () -> Tune.loguniform(0, 1));
    assertThrows(IllegalArgumentException.class, () -> Tune.randint(3, 3));
    assertThrows(IllegalArgumentException.class, () -> Tune.gridSearch());
    assertThrows(IllegalArgumentException.class, () -> Tune.choice(List.of()));
    assertEquals(
        Tune.gridSearch(2, 4).values(),
        Tune.gridSearch(List.of(2, 4)).values(),
        "a list is the grid's values, as in Ray's tune.grid_search([2, 4])");
    assertThrows(IllegalArgumentException.class, () -> Tune.gridSearch(List.of()));
  }

  @Test
  void gridDimensionsMultiplyWithSamplesAndSampleFromSeesTheRest() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("max_depth", Tune.gridSearch(2, 4));
    params.put("eta", Tune.loguniform(1e-3, 1e-1));
    params.put(
        "half_depth",
        Tune.sampleFrom(
            spec -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> p = (Map<String, Object>) spec.get("params");
              return (Integer) p.get("max_depth") / 2;
            }));
    Map<String, Object> space =
        Map.of("params", params, "preprocessor", Tune.gridSearch("standard", "minmax", "none"));
    BasicVariantGenerator generator = new BasicVariantGenerator(2);
    generator.setup(space, "m", "min", 7);
    assertEquals(12, generator.total());
    List<Map<String, Object>> configs = new ArrayList<>();
    for (Map<String, Object> c = generator.suggest("t"); c != null; c = generator.suggest("t")) {
      configs.add(c);
    }
    assertEquals(12, configs.size());
    Map<List<Object>, Integer> combos = new HashMap<>();
    for (Map<String, Object> c : configs) {
      @SuppressWarnings("unchecked")
      Map<String, Object> p = (Map<String, Object>) c.get("params");
      combos.merge(List.of(p.get("max_depth"), c.get("preprocessor")), 1, Integer::sum);
      assertEquals((Integer) p.get("max_depth") / 2, p.get("half_depth"));
    }
    assertEquals(6, combos.size());
    assertTrue(combos.values().stream().allMatch(n -> n == 2), combos.toString());
    assertNull(generator.suggest("t"));

    BasicVariantGenerator same = new BasicVariantGenerator(2);
    same.setup(space, "m", "min", 7);
    for (Map<String, Object> c : configs) {
      assertEquals(c.toString(), same.suggest("t").toString(), "the seed repeats the search");
    }
  }
}
