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
package io.sparkair.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.train.ScalingConfig;
import java.util.List;
import java.util.Map;

/** Trial configurations and experiment state as JSON: preprocessors in their own JSON form. */
final class ConfigJson {
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private ConfigJson() {}

  static JsonNode toNode(Object value) {
    if (value instanceof Preprocessor) {
      try {
        return JSON.readTree(Preprocessors.toJson((Preprocessor) value)).get("preprocessor");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    if (value instanceof ScalingConfig) {
      ScalingConfig s = (ScalingConfig) value;
      ObjectNode node = JSON.createObjectNode();
      node.put("numWorkers", s.numWorkers());
      node.put("cpusPerWorker", s.cpusPerWorker());
      node.put("useGpu", s.useGpu());
      return node;
    }
    if (value instanceof Map) {
      ObjectNode node = JSON.createObjectNode();
      ((Map<?, ?>) value).forEach((k, v) -> node.set(String.valueOf(k), toNode(v)));
      return node;
    }
    if (value instanceof List) {
      ArrayNode node = JSON.createArrayNode();
      ((List<?>) value).forEach(v -> node.add(toNode(v)));
      return node;
    }
    if (value == null
        || value instanceof Number
        || value instanceof String
        || value instanceof Boolean) {
      return JSON.valueToTree(value);
    }
    return JSON.valueToTree(value.toString());
  }

  /** {@link #toNode}, as it reads back from its text: comparable with a node read from a file. */
  static JsonNode normalized(Object value) {
    try {
      return JSON.readTree(JSON.writeValueAsString(toNode(value)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String write(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toNode(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
