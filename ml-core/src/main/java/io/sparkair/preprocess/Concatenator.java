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
package io.sparkair.preprocess;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Joins numeric columns into one column of double arrays (the feature layout trainers consume),
 * appended after the other columns; the joined columns are dropped. By default every column is
 * joined; {@link #setInclude} names the columns (in that order) and {@link #setExclude} leaves some
 * out (a label, an id; an excluded column that is absent is ignored, as Ray does by default). A
 * null value becomes NaN. Nothing to fit.
 */
public final class Concatenator extends StatelessPreprocessor {
  private static final long serialVersionUID = 1L;
  private static final String OUTPUT_COLUMN = "outputColumn";
  private static final String INCLUDE = "include";
  private static final String EXCLUDE = "exclude";

  /** The output column's name. */
  private String outputColumn = "concat_out";

  /** The columns joined, in order, or null for every column. */
  private List<String> include;

  /** The columns left out of the join. */
  private List<String> exclude = List.of();

  /** A concatenator of every column into {@code concat_out}. */
  public Concatenator() {}

  /** Names the output column (default {@code concat_out}). */
  public Concatenator setOutputColumn(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("the output column needs a name, got '" + name + "'");
    }
    this.outputColumn = name;
    return this;
  }

  /** Joins only these columns, in this order. */
  public Concatenator setInclude(String... columns) {
    this.include = checkColumns("Concatenator", Arrays.asList(columns));
    return this;
  }

  /** Leaves these columns out of the join; they pass through. */
  public Concatenator setExclude(String... columns) {
    this.exclude = checkColumns("Concatenator", Arrays.asList(columns));
    return this;
  }

  /** The output column's name. */
  public String outputColumn() {
    return outputColumn;
  }

  /** The columns joined in a batch of these columns, in order. */
  public List<String> joined(List<String> available) {
    List<String> joined = new ArrayList<>(include != null ? include : available);
    joined.removeAll(exclude);
    return joined;
  }

  @Override
  void writeFields(ObjectNode json) {
    json.put(OUTPUT_COLUMN, outputColumn);
    JsonFields.putStrings(json, INCLUDE, include);
    JsonFields.putStrings(json, EXCLUDE, exclude);
  }

  @Override
  void readFields(JsonFields json) {
    String output = json.string(OUTPUT_COLUMN, outputColumn);
    json.check(OUTPUT_COLUMN, () -> setOutputColumn(output));
    List<String> included = json.strings(INCLUDE);
    if (included != null) {
      json.check(INCLUDE, () -> setInclude(included.toArray(String[]::new)));
    }
    List<String> excluded = json.strings(EXCLUDE);
    if (excluded != null && !excluded.isEmpty()) {
      json.check(EXCLUDE, () -> setExclude(excluded.toArray(String[]::new)));
    }
  }

  @Override
  protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
    List<String> joined = joined(Columns.names(batch));
    Columns.requireAll(batch, joined, toString());
    int rows = batch.getRowCount();
    int width = joined.size();
    Columns.Doubles[] in = new Columns.Doubles[width];
    FieldVector[] vectors = new FieldVector[width];
    for (int c = 0; c < width; c++) {
      vectors[c] = batch.getVector(joined.get(c));
      in[c] = Columns.doubles(vectors[c], toString());
    }
    ListVector out = ListVector.empty(outputColumn, allocator);
    try (BatchBuilder builder = new BatchBuilder(batch)) {
      builder.append(out);
      out.addOrGetVector(
          FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
      out.setInitialCapacity(Math.max(rows, 1), Math.max(width, 1));
      out.allocateNew();
      Float8Vector values = (Float8Vector) out.getDataVector();
      values.allocateNew(Math.max(rows * width, 1));
      for (int i = 0; i < rows; i++) {
        int start = out.startNewValue(i);
        for (int c = 0; c < width; c++) {
          values.set(start + c, vectors[c].isNull(i) ? Double.NaN : in[c].get(i));
        }
        out.endValue(i, width);
      }
      values.setValueCount(rows * width);
      out.setValueCount(rows);
      for (String column : joined) {
        builder.remove(column);
      }
      return builder.build();
    }
  }

  @Override
  public String toString() {
    return "Concatenator(output="
        + outputColumn
        + (include != null ? ", include=" + include : "")
        + (exclude.isEmpty() ? "" : ", exclude=" + exclude)
        + ")";
  }
}
