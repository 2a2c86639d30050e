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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Resolving a nested search space into one trial's configuration: grid dimensions take given
 * values, domains are sampled (those of {@link Tune#sampleFrom} last, seeing the others), and
 * everything else is copied as it is.
 */
final class SearchSpace {
  private SearchSpace() {}

  /** The grid dimensions of a space, by path of keys, in the space's order. */
  static Map<List<String>, GridSearch> grids(Map<String, ?> space) {
    Map<List<String>, GridSearch> grids = new LinkedHashMap<>();
    collect(space, new ArrayList<>(), grids);
    return grids;
  }

  private static void collect(
      Map<String, ?> space, List<String> path, Map<List<String>, GridSearch> grids) {
    for (Map.Entry<String, ?> e : space.entrySet()) {
      List<String> at = new ArrayList<>(path);
      at.add(e.getKey());
      if (e.getValue() instanceof GridSearch) {
        grids.put(List.copyOf(at), (GridSearch) e.getValue());
      } else if (e.getValue() instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, ?> inner = (Map<String, ?>) e.getValue();
        collect(inner, at, grids);
      }
    }
  }

  /** The number of grid combinations (1 without grid dimensions). */
  static int combinations(Map<List<String>, GridSearch> grids) {
    long product = 1;
    for (GridSearch g : grids.values()) {
      product *= g.values().size();
      if (product > 1_000_000) {
        throw new IllegalArgumentException("the grid has more than a million combinations");
      }
    }
    return (int) product;
  }

  /**
   * A trial's configuration: grid combination {@code index}, domains sampled with {@code random}.
   */
  static Map<String, Object> resolve(
      Map<String, ?> space, Map<List<String>, GridSearch> grids, int index, Random random) {
    Map<List<String>, Object> chosen = new LinkedHashMap<>();
    int rest = index;
    List<Map.Entry<List<String>, GridSearch>> dims = new ArrayList<>(grids.entrySet());
    for (int d = dims.size() - 1; d >= 0; d--) {
      List<Object> values = dims.get(d).getValue().values();
      chosen.put(dims.get(d).getKey(), values.get(rest % values.size()));
      rest /= values.size();
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    List<Runnable> late = new ArrayList<>();
    fill(space, resolved, new ArrayList<>(), chosen, random, resolved, late);
    late.forEach(Runnable::run);
    return resolved;
  }

  private static void fill(
      Map<String, ?> space,
      Map<String, Object> into,
      List<String> path,
      Map<List<String>, Object> chosen,
      Random random,
      Map<String, Object> root,
      List<Runnable> late) {
    for (Map.Entry<String, ?> e : space.entrySet()) {
      List<String> at = new ArrayList<>(path);
      at.add(e.getKey());
      Object value = e.getValue();
      if (value instanceof GridSearch) {
        into.put(e.getKey(), chosen.get(at));
      } else if (value instanceof Tune.SampleFrom) {
        into.put(e.getKey(), null);
        late.add(() -> into.put(e.getKey(), ((Domain) value).sample(random, root)));
      } else if (value instanceof Domain) {
        into.put(e.getKey(), ((Domain) value).sample(random, root));
      } else if (value instanceof Map) {
        Map<String, Object> inner = new LinkedHashMap<>();
        into.put(e.getKey(), inner);
        @SuppressWarnings("unchecked")
        Map<String, ?> innerSpace = (Map<String, ?>) value;
        fill(innerSpace, inner, at, chosen, random, root, late);
      } else {
        into.put(e.getKey(), value);
      }
    }
  }
}
