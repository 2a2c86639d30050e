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

import java.io.Serializable;
import java.util.List;

/** A grid dimension of a search space: every trial set is run once per value. */
public final class GridSearch implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The values, in order. */
  private final List<Object> values;

  GridSearch(List<?> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("gridSearch needs at least one value, got " + values);
    }
    this.values = List.copyOf(values);
  }

  /** The values, in order. */
  public List<Object> values() {
    return values;
  }

  @Override
  public String toString() {
    return "gridSearch" + values;
  }
}
