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
