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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One preprocessor as a JSON object: {@code "type"}, the simple class name of a built-in
 * preprocessor or the full class name of a {@link PersistentPreprocessor}, then the fields the
 * preprocessor writes. Built-in preprocessors write and read their fields in {@link
 * AbstractPreprocessor#writeFields} and {@link AbstractPreprocessor#readFields}.
 */
final class PreprocessorParser {
  private static final String TYPE = "type";

  private static final Map<String, Supplier<AbstractPreprocessor>> BUILT_IN = new LinkedHashMap<>();
  private static final Map<Class<?>, String> BUILT_IN_NAMES = new LinkedHashMap<>();

  static {
    builtIn(StandardScaler.class, StandardScaler::new);
    builtIn(MinMaxScaler.class, MinMaxScaler::new);
    builtIn(MaxAbsScaler.class, MaxAbsScaler::new);
    builtIn(RobustScaler.class, RobustScaler::new);
    builtIn(Normalizer.class, Normalizer::new);
    builtIn(OneHotEncoder.class, OneHotEncoder::new);
    builtIn(OrdinalEncoder.class, OrdinalEncoder::new);
    builtIn(LabelEncoder.class, LabelEncoder::new);
    builtIn(SimpleImputer.class, SimpleImputer::new);
    builtIn(Concatenator.class, Concatenator::new);
    builtIn(Chain.class, Chain::new);
    builtIn(BatchMapper.class, BatchMapper::new);
  }

  private PreprocessorParser() {}

  private static <P extends AbstractPreprocessor> void builtIn(Class<P> type, Supplier<P> make) {
    BUILT_IN.put(type.getSimpleName(), make::get);
    BUILT_IN_NAMES.put(type, type.getSimpleName());
  }

  /**
   * The JSON object of a preprocessor.
   *
   * @throws IllegalArgumentException when it is neither built in nor persistent
   */
  static ObjectNode toJson(Preprocessor preprocessor) {
    String type = BUILT_IN_NAMES.get(preprocessor.getClass());
    if (type == null) {
      type = preprocessor.getClass().getName();
      requirePersistent(preprocessor.getClass(), type);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put(TYPE, type);
    if (preprocessor instanceof AbstractPreprocessor) {
      ((AbstractPreprocessor) preprocessor).writeFields(json);
    }
    if (preprocessor instanceof PersistentPreprocessor) {
      ObjectNode state = JsonNodeFactory.instance.objectNode();
      ((PersistentPreprocessor) preprocessor).writeState(state);
      String name = type;
      json.fieldNames()
          .forEachRemaining(
              taken -> {
                if (state.has(taken)) {
                  throw new IllegalArgumentException(
                      name + " writes field '" + taken + "', which is taken: pick another name");
                }
              });
      json.setAll(state);
    }
    return json;
  }

  /**
   * The preprocessor a JSON object describes.
   *
   * @throws IllegalArgumentException when the type is unknown or a field is missing or invalid
   */
  static Preprocessor fromJson(JsonNode json) {
    JsonNode typeNode = json.get(TYPE);
    if (typeNode == null || !typeNode.isTextual()) {
      throw new IllegalArgumentException("preprocessor JSON has no \"type\" in " + json);
    }
    String type = typeNode.textValue();
    Supplier<AbstractPreprocessor> builtIn = BUILT_IN.get(type);
    Preprocessor preprocessor = builtIn != null ? builtIn.get() : instantiate(persistent(type));
    if (preprocessor instanceof AbstractPreprocessor) {
      ((AbstractPreprocessor) preprocessor).readFields(new JsonFields(json, type));
    }
    if (preprocessor instanceof PersistentPreprocessor) {
      try {
        ((PersistentPreprocessor) preprocessor).readState(json);
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "preprocessor JSON: " + type + " cannot read its " + "fields: " + e, e);
      }
    }
    return preprocessor;
  }

  private static Class<? extends Preprocessor> persistent(String type) {
    Class<?> found;
    try {
      found = Class.forName(type, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "preprocessor JSON has unknown type '"
              + type
              + "' (a built-in name "
              + BUILT_IN.keySet()
              + ", or a class on the classpath)",
          e);
    }
    if (!Preprocessor.class.isAssignableFrom(found)) {
      throw new IllegalArgumentException(
          "preprocessor JSON type " + type + " is not a Preprocessor");
    }
    requirePersistent(found, type);
    return found.asSubclass(Preprocessor.class);
  }

  private static void requirePersistent(Class<?> type, String name) {
    if (!PersistentPreprocessor.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          name
              + " is not a built-in preprocessor, so it needs to "
              + "implement "
              + PersistentPreprocessor.class.getName()
              + " to be saved as JSON");
    }
  }

  private static Preprocessor instantiate(Class<? extends Preprocessor> type) {
    try {
      Constructor<? extends Preprocessor> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          type.getName() + " needs a no-argument constructor " + "to be read from JSON", e);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalArgumentException("cannot make a " + type.getName() + ": " + e, e);
    }
  }
}
