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
package io.sparkair.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import scala.Function1;

/** String params holding a JSON object: their validator, reading and writing. */
final class ConfigJsonParam {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigJsonParam() {}

  /** A param validator accepting a JSON object. */
  static Function1<String, Object> isObject() {
    return (Function1<String, Object> & Serializable) ConfigJsonParam::isJsonObject;
  }

  private static Object isJsonObject(String json) {
    try {
      return json != null && JSON.readTree(json).isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * The entries of a JSON object, in order.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  static Map<String, Object> read(String json) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSON.readValue(json, LinkedHashMap.class);
      return map;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + json, e);
    }
  }

  /** The JSON object of {@code entries}. */
  static String write(Map<String, ?> entries) {
    return JSON.valueToTree(entries).toString();
  }
}
