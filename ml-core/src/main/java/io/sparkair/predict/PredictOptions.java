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
package io.sparkair.predict;

import java.io.Serializable;
import java.util.List;

/**
 * How {@code BatchPredictor.predict} runs: rows per batch handed to the predictor, the columns the
 * predictor sees (all by default), and the input columns kept beside the predictions (an id column,
 * say; none by default).
 */
public final class PredictOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows per batch handed to the predictor. */
  private final int batchSize;

  /** The only columns the predictor sees, or null for all. */
  private final List<String> featureColumns;

  /** Input columns copied beside the predictions. */
  private final List<String> keepColumns;

  private PredictOptions(int batchSize, List<String> featureColumns, List<String> keepColumns) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
    }
    this.batchSize = batchSize;
    this.featureColumns = featureColumns;
    this.keepColumns = keepColumns;
  }

  /** Batches of 4,096 rows, every column to the predictor, no column kept. */
  public static PredictOptions defaults() {
    return new PredictOptions(4096, null, List.of());
  }

  /** Rows per batch handed to the predictor; must be positive, 4,096 by default. */
  public PredictOptions batchSize(int rows) {
    return new PredictOptions(rows, featureColumns, keepColumns);
  }

  /** The only columns the predictor sees. */
  public PredictOptions featureColumns(String... columns) {
    return new PredictOptions(batchSize, List.of(columns), keepColumns);
  }

  /** Input columns copied beside the predictions, in this order, before them. */
  public PredictOptions keepColumns(String... columns) {
    return new PredictOptions(batchSize, featureColumns, List.of(columns));
  }

  /** Rows per batch handed to the predictor. */
  public int batchSize() {
    return batchSize;
  }

  /** The columns the predictor sees, or null for all. */
  public List<String> featureColumns() {
    return featureColumns;
  }

  /** The input columns copied beside the predictions; empty for none. */
  public List<String> keepColumns() {
    return keepColumns;
  }
}
