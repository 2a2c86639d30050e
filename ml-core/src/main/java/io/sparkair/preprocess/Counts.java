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
package io.sparkair.preprocess;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/** How often each non-null value of a categorical column occurs; mergeable across blocks. */
final class Counts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<Object, Long> counts = new HashMap<>();

  void add(FieldVector vector, String who) {
    for (int i = 0, rows = vector.getValueCount(); i < rows; i++) {
      Object value = Columns.category(vector, i, who);
      if (value != null) {
        counts.merge(value, 1L, Long::sum);
      }
    }
  }

  Counts merge(Counts other) {
    other.counts.forEach((value, n) -> counts.merge(value, n, Long::sum));
    return this;
  }

  /**
   * The values in their natural order; with a limit, only the {@code limit} most frequent (ties
   * broken by the natural order).
   */
  List<Object> sortedValues(Integer limit) {
    List<Object> values = new ArrayList<>(counts.keySet());
    if (limit != null && values.size() > limit) {
      values.sort(byCountThenValue());
      values = new ArrayList<>(values.subList(0, limit));
    }
    values.sort(natural());
    return values;
  }

  /** The most frequent value (the smallest of a tie); null when there is none. */
  Object mostFrequent() {
    return counts.keySet().stream().min(byCountThenValue()).orElse(null);
  }

  private Comparator<Object> byCountThenValue() {
    Comparator<Object> byCount = Comparator.comparing((Object v) -> counts.get(v)).reversed();
    return byCount.thenComparing(natural());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Object> natural() {
    return (a, b) -> ((Comparable) a).compareTo(b);
  }

  Map<Object, Long> asMap() {
    return counts;
  }
}
