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
package io.sparkair.runtime;

/**
 * The root of Spark AIR's failures, unchecked: an actor or its executor died, a block or actor is
 * gone, a remote call or a training run failed, the serving sidecar refused a request. Catch it to
 * handle any of them. Wrong input is an {@link IllegalArgumentException} (and a misuse of an
 * object's state an {@link IllegalStateException}), as everywhere in Java, and is not one.
 */
public class AirException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public AirException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public AirException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A failure with the given suppression and stack-trace settings, for failures that happen often
   * and need no stack trace (see {@link Throwable}).
   */
  protected AirException(
      String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
    super(message, cause, enableSuppression, writableStackTrace);
  }
}
