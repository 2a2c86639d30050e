package io.sparkair.predict;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/** A predictor's single output column, made from a model's float scores. */
final class OutputColumns {
  /** The score {@code k} of row {@code row}. */
  @FunctionalInterface
  interface Scores {
    float get(int row, int k);
  }

  private OutputColumns() {}

  /**
   * A batch of one column {@code name}: a double per row (score 0), or with {@code arrays} an
   * array of the {@code width} scores per row.
   */
  static VectorSchemaRoot of(String name, int rows, int width, boolean arrays, Scores scores,
      BufferAllocator allocator) {
    if (!arrays) {
      Float8Vector column = new Float8Vector(name, allocator);
      column.allocateNew(Math.max(rows, 1));
      for (int i = 0; i < rows; i++) {
        column.set(i, scores.get(i, 0));
      }
      column.setValueCount(rows);
      return new VectorSchemaRoot(List.<FieldVector>of(column));
    }
    ListVector column = ListVector.empty(name, allocator);
    column.addOrGetVector(FieldType.notNullable(
        new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    column.allocateNew();
    Float8Vector values = (Float8Vector) column.getDataVector();
    for (int i = 0; i < rows; i++) {
      int start = column.startNewValue(i);
      for (int k = 0; k < width; k++) {
        values.setSafe(start + k, scores.get(i, k));
      }
      column.endValue(i, width);
    }
    column.setValueCount(rows);
    return new VectorSchemaRoot(List.<FieldVector>of(column));
  }
}
