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
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/** Partial statistics of several columns, one summary per column, merged column by column. */
final class ColumnStats<S extends Serializable> implements Serializable {
  private static final long serialVersionUID = 1L;

  final List<S> columns;

  ColumnStats(int count, Supplier<S> empty) {
    columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      columns.add(empty.get());
    }
  }

  ColumnStats<S> merge(ColumnStats<S> other, BinaryOperator<S> merge) {
    for (int i = 0; i < columns.size(); i++) {
      columns.set(i, merge.apply(columns.get(i), other.columns.get(i)));
    }
    return this;
  }
}
