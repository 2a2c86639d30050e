package io.sparkair.preprocess;

import java.util.List;

/**
 * Encodes a label column as the index of its class (an int column), for classifiers. A null, or
 * a label not seen in fitting, becomes null. Statistic {@code unique_values(label)}.
 */
public final class LabelEncoder extends OrdinalEncoder {
  private static final long serialVersionUID = 1L;

  private LabelEncoder() {}

  /** An encoder of the label column. */
  public LabelEncoder(String labelColumn) {
    super(List.of(labelColumn));
  }

  /** The encoded label column. */
  public String labelColumn() {
    return columns().get(0);
  }
}
