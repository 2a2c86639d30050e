package io.sparkair.data;

import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.ArrowUtils;

/** Spark schemas as Arrow schemas, with a clear error for a column Arrow cannot carry. */
final class ArrowSchemas {
  private ArrowSchemas() {}

  /**
   * The Arrow schema of a Spark schema.
   *
   * @throws IllegalArgumentException naming the first column whose type Arrow cannot carry
   */
  static Schema toArrow(StructType schema, String timeZone) {
    for (StructField field : schema.fields()) {
      try {
        ArrowUtils.toArrowSchema(new StructType(new StructField[] {field}), timeZone, true, false);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("column '" + field.name() + "' has type "
            + field.dataType().simpleString() + ", which an AIR dataset cannot hold as Arrow ("
            + e.getMessage() + ")", e);
      }
    }
    return ArrowUtils.toArrowSchema(schema, timeZone, true, false);
  }
}
