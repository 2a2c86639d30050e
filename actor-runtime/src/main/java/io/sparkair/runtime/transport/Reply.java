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
package io.sparkair.runtime.transport;

/** Completes one call. */
public interface Reply {
  /**
   * Sends the call's result.
   *
   * @param value the result
   * @param more true when the actor has more calls queued (the reply may wait for a batch)
   */
  void ok(Object value, boolean more);

  /**
   * Sends the call's failure.
   *
   * @param error what the call threw
   * @param more true when the actor has more calls queued
   */
  void fail(Throwable error, boolean more);

  /** The addressed actor is not (or no longer) hosted by this runtime. */
  void died(String reason);
}
