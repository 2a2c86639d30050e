package io.sparkair.preprocess;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Replaces each named column's values by the index of their category (an int column). A null,
 * or a value not seen in fitting, becomes null.
 */
public class OrdinalEncoder extends CategoricalEncoder {
  private static final long serialVersionUID = 1L;

  OrdinalEncoder() {}

  /** An encoder of the named columns (strings, numbers or booleans). */
  public OrdinalEncoder(List<String> columns) {
    super(columns);
  }

  /** An encoder of the named columns (strings, numbers or booleans). */
  public OrdinalEncoder(String... columns) {
    this(Arrays.asList(columns));
  }

  @Override
  protected final VectorSchemaRoot transformFitted(VectorSchemaRoot batch,
      BufferAllocator allocator) {
    Columns.requireAll(batch, columns(), toString());
    try (BatchBuilder out = new BatchBuilder(batch)) {
      for (String column : columns()) {
        FieldVector in = batch.getVector(column);
        int rows = batch.getRowCount();
        IntVector codes = new IntVector(column, allocator);
        codes.allocateNew(Math.max(rows, 1));
        for (int i = 0; i < rows; i++) {
          int code = indexOf(column, in, i);
          if (code < 0) {
            codes.setNull(i);
          } else {
            codes.set(i, code);
          }
        }
        codes.setValueCount(rows);
        out.replace(column, codes);
      }
      return out.build();
    }
  }
}
