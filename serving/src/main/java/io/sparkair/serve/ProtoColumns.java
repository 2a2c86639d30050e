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
package io.sparkair.serve;

import io.sparkair.serve.grpc.BoolValues;
import io.sparkair.serve.grpc.Column;
import io.sparkair.serve.grpc.DoubleArrays;
import io.sparkair.serve.grpc.DoubleValues;
import io.sparkair.serve.grpc.StringValues;
import java.util.ArrayList;
import java.util.List;

/** Columns of the gRPC messages as {@link ColumnBatch}es, and back. */
final class ProtoColumns {
  private ProtoColumns() {}

  /**
   * The rows of a request's columns.
   *
   * @throws BadRequestException naming a column without values or of unequal length
   */
  static ColumnBatch read(List<Column> columns) {
    List<ColumnBatch.Column> read = new ArrayList<>();
    for (Column c : columns) {
      Object[] values;
      ColumnBatch.Kind kind;
      switch (c.getValuesCase()) {
        case DOUBLES:
          kind = ColumnBatch.Kind.DOUBLE;
          values = c.getDoubles().getValuesList().toArray();
          break;
        case BOOLS:
          kind = ColumnBatch.Kind.BOOLEAN;
          values = c.getBools().getValuesList().toArray();
          break;
        case STRINGS:
          kind = ColumnBatch.Kind.STRING;
          values = c.getStrings().getValuesList().toArray();
          break;
        case DOUBLE_ARRAYS:
          kind = ColumnBatch.Kind.DOUBLE_ARRAY;
          values = new Object[c.getDoubleArrays().getValuesCount()];
          for (int i = 0; i < values.length; i++) {
            values[i] =
                c.getDoubleArrays().getValues(i).getValuesList().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
          }
          break;
        default:
          throw new BadRequestException("column '" + c.getName() + "' has no values");
      }
      for (int row : c.getNullRowsList()) {
        if (row < 0 || row >= values.length) {
          throw new BadRequestException(
              "column '"
                  + c.getName()
                  + "' marks row "
                  + row
                  + " null but has "
                  + values.length
                  + " values");
        }
        values[row] = null;
      }
      read.add(new ColumnBatch.Column(c.getName(), kind, values));
    }
    try {
      return new ColumnBatch(read);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /** The columns of {@code batch} as messages. */
  static List<Column> write(ColumnBatch batch) {
    List<Column> written = new ArrayList<>();
    for (ColumnBatch.Column c : batch.columns()) {
      Column.Builder column = Column.newBuilder().setName(c.name());
      DoubleValues.Builder doubles = DoubleValues.newBuilder();
      BoolValues.Builder bools = BoolValues.newBuilder();
      StringValues.Builder strings = StringValues.newBuilder();
      DoubleArrays.Builder arrays = DoubleArrays.newBuilder();
      for (int row = 0; row < batch.rowCount(); row++) {
        Object v = c.get(row);
        if (v == null) {
          column.addNullRows(row);
        }
        switch (c.kind()) {
          case DOUBLE:
            doubles.addValues(v == null ? Double.NaN : (Double) v);
            break;
          case BOOLEAN:
            bools.addValues(v != null && (Boolean) v);
            break;
          case STRING:
            strings.addValues(v == null ? "" : (String) v);
            break;
          default:
            DoubleValues.Builder array = DoubleValues.newBuilder();
            if (v != null) {
              for (double d : (double[]) v) {
                array.addValues(d);
              }
            }
            arrays.addValues(array);
        }
      }
      switch (c.kind()) {
        case DOUBLE:
          column.setDoubles(doubles);
          break;
        case BOOLEAN:
          column.setBools(bools);
          break;
        case STRING:
          column.setStrings(strings);
          break;
        default:
          column.setDoubleArrays(arrays);
      }
      written.add(column.build());
    }
    return written;
  }
}
