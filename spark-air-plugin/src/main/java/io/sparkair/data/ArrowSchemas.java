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
        throw new IllegalArgumentException(
            "column '"
                + field.name()
                + "' has type "
                + field.dataType().simpleString()
                + ", which an AIR dataset cannot hold as Arrow ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    return ArrowUtils.toArrowSchema(schema, timeZone, true, false);
  }
}
