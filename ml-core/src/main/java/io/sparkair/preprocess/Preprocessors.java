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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Preprocessors as JSON: <code>{"formatVersion": 1, "preprocessor": {"type":
 * "StandardScaler", ...}}</code>, the form a checkpoint's {@code preprocessor.json} takes. The type
 * is the simple class name of a built-in preprocessor, or the full class name of a {@link
 * PersistentPreprocessor}; the other keys are the preprocessor's named fields, its configuration
 * and fitted statistics.
 *
 * <p>Writing and reading need no Spark class, so a checkpoint's preprocessor loads where Spark is
 * absent (in the serving sidecar).
 */
public final class Preprocessors {
  /** The JSON format this version writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Preprocessors() {}

  /**
   * The JSON of a preprocessor, fitted or not.
   *
   * @throws IllegalArgumentException when the preprocessor is neither built in nor a {@link
   *     PersistentPreprocessor}
   */
  public static String toJson(Preprocessor preprocessor) {
    Objects.requireNonNull(preprocessor, "preprocessor");
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.set("preprocessor", PreprocessorParser.toJson(preprocessor));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + preprocessor + " as JSON: " + e, e);
    }
  }

  /** A copy of a preprocessor, fitted or not, sharing no state with it. */
  public static Preprocessor copy(Preprocessor preprocessor) {
    return fromJson(toJson(preprocessor));
  }

  /**
   * The preprocessor a JSON text describes.
   *
   * @throws IllegalArgumentException when the text is not such JSON, names an unknown type, lacks a
   *     field the type needs or has one of the wrong type (naming the field), or has a newer format
   *     version than this library reads
   */
  public static Preprocessor fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "preprocessor JSON is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode version = root == null ? null : root.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new IllegalArgumentException("preprocessor JSON has no formatVersion");
    }
    if (version.asInt() > FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "preprocessor JSON has format version "
              + version.asInt()
              + ", newer than this Spark AIR reads ("
              + FORMAT_VERSION
              + "); load it with a newer version");
    }
    JsonNode body = root.get("preprocessor");
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("preprocessor JSON has no \"preprocessor\" object");
    }
    return PreprocessorParser.fromJson(body);
  }
}
