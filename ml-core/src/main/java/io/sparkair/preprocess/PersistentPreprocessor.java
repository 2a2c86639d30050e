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
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A preprocessor of your own class that {@link Preprocessors} saves as JSON and loads again (in a
 * checkpoint, for one): it writes its configuration and fitted statistics as named fields, and
 * reads them back, so what it saved stays readable when its implementation changes.
 *
 * <p>Its JSON object has {@code "type"}, the full class name, and the fields {@link #writeState}
 * puts. Loading finds the class by that name with the thread's context class loader, makes an
 * instance with its no-argument constructor (of any visibility) and calls {@link #readState} on it.
 * A class extending a built-in preprocessor ({@link OrdinalEncoder}) also saves the built-in's
 * fields, which its own fields must not reuse.
 *
 * <p>Earlier versions saved such a preprocessor without this interface, under the names of its
 * non-transient fields; {@link #readState} reads those files when it reads the same names.
 */
public interface PersistentPreprocessor extends Preprocessor {

  /**
   * Puts this preprocessor's configuration and, once fitted, its statistics into {@code state} as
   * JSON fields; {@code "type"} is taken.
   */
  void writeState(ObjectNode state);

  /**
   * Sets this preprocessor, just made with its no-argument constructor, to the state {@link
   * #writeState} wrote into {@code state}.
   *
   * @throws IllegalArgumentException when a field is missing or has a value this preprocessor
   *     cannot take; the message names the field
   */
  void readState(JsonNode state);
}
