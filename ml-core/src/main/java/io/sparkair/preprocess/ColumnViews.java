package io.sparkair.preprocess;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/** Views of Arrow columns that share the buffers of the column they show. */
public final class ColumnViews {
  private ColumnViews() {}

  /**
   * A new vector over the first {@code rows} values of {@code vector}, sharing its buffers: it
   * holds its own references, so either may be closed first.
   */
  public static FieldVector share(FieldVector vector, int rows) {
    if (rows == 0) {
      FieldVector empty = vector.getField().createVector(vector.getAllocator());
      empty.setValueCount(0);
      return empty;
    }
    TransferPair pair = vector.getTransferPair(vector.getAllocator());
    pair.splitAndTransfer(0, rows);
    return (FieldVector) pair.getTo();
  }
}
