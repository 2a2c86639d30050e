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

/** Receives decoded calls and hands them to actors' mailboxes. */
public interface Dispatcher {
  /**
   * Delivers a call.
   *
   * @param actorId the addressed actor
   * @param fn the decoded function
   * @param arg the decoded argument, or {@link Invocation#NO_ARG}
   * @param reply where to send the result; null when the caller expects none
   */
  void dispatch(long actorId, Object fn, Object arg, Reply reply);

  /** The class loader for user classes in calls. */
  ClassLoader classLoader();

  /** This runtime's node id, for error messages. */
  String nodeId();
}
