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

/**
 * Encodes a label column as the index of its class (an int column), for classifiers. A null, or a
 * label not seen in fitting, becomes null. Statistic {@code unique_values(label)}.
 */
public final class LabelEncoder extends OrdinalEncoder {
  private static final long serialVersionUID = 1L;

  LabelEncoder() {}

  /** An encoder of the label column. */
  public LabelEncoder(String labelColumn) {
    super(List.of(labelColumn));
  }

  @Override
  void readFields(JsonFields json) {
    super.readFields(json);
    if (columns().size() != 1) {
      throw json.invalid(COLUMNS, "a LabelEncoder encodes one column, not " + columns());
    }
  }

  /** The encoded label column. */
  public String labelColumn() {
    return columns().get(0);
  }
}
