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

/** Thrown when a preprocessor that learns statistics transforms before it was fitted. */
public class PreprocessorNotFittedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** An exception naming the preprocessor that was not fitted. */
  public PreprocessorNotFittedException(String preprocessor) {
    super(preprocessor + " must be fitted before it can transform; call fit(dataset) first");
  }
}
