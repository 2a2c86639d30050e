package io.sparkair.preprocess;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** An affine scaler fitted from each column's count, mean, spread and range. */
abstract class MomentScaler extends AffineScaler<Moments> {
  private static final long serialVersionUID = 1L;

  MomentScaler() {}

  MomentScaler(List<String> columns) {
    super(columns);
  }

  @Override
  Moments emptyColumn() {
    return new Moments();
  }

  @Override
  Moments addColumn(Moments partial, FieldVector column) {
    partial.add(column, toString());
    return partial;
  }

  @Override
  Moments mergeColumn(Moments left, Moments right) {
    return left.merge(right);
  }
}
