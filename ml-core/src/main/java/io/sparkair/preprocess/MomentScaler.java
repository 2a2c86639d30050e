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
