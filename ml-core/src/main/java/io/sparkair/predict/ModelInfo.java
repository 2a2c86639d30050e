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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a gradient-boosting checkpoint (XGBoost, LightGBM) records beside the booster ({@code
 * model/air.json}): the label column, the feature columns in the order the booster saw them, and
 * the objective.
 */
public final class ModelInfo {
  /** This record, under {@code model/}. */
  public static final String INFO_FILE = "air.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String labelColumn;
  private final List<String> featureColumns;
  private final String objective;

  /**
   * A record of how a booster was trained.
   *
   * @param featureColumns the features in order, or null for every column of the input
   */
  public ModelInfo(String labelColumn, List<String> featureColumns, String objective) {
    this.labelColumn = labelColumn;
    this.featureColumns = featureColumns == null ? null : List.copyOf(featureColumns);
    this.objective = objective;
  }

  /** The label column the booster was trained on, or null when unknown. */
  public String labelColumn() {
    return labelColumn;
  }

  /** The feature columns in order, or null for every column of the input. */
  public List<String> featureColumns() {
    return featureColumns;
  }

  /** The training objective in the framework's terms, e.g. XGBoost's {@code binary:logistic}. */
  public String objective() {
    return objective;
  }

  /** This record as JSON bytes. */
  public byte[] toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("labelColumn", labelColumn);
    if (featureColumns != null) {
      ArrayNode features = node.putArray("featureColumns");
      featureColumns.forEach(features::add);
    }
    node.put("objective", objective);
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a record.
   *
   * @throws IllegalArgumentException when the JSON is not such a record
   */
  public static ModelInfo fromJson(byte[] json) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(json);
      List<String> features = node.has("featureColumns") ? new ArrayList<>() : null;
      node.path("featureColumns").forEach(f -> features.add(f.asText()));
      return new ModelInfo(
          node.path("labelColumn").asText(null),
          features,
          node.path("objective").asText("reg:squarederror"));
    } catch (java.io.IOException | ClassCastException e) {
      throw new IllegalArgumentException(INFO_FILE + " is not a model record: " + e, e);
    }
  }
}
