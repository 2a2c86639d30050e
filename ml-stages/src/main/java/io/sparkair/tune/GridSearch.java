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
