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

import java.util.Map;

/** A message waiting in a stream's outbound queue. */
interface Outgoing {
  /**
   * Appends this message to a frame.
   *
   * @param frame the frame being built
   * @param defined functions already defined on this stream, by class; may be extended
   */
  void writeTo(Wire.Out frame, Map<Class<?>, Integer> defined);

  /** Fails the message's caller when it could not be written. */
  void fail(Throwable cause);
}
