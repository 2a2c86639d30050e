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
