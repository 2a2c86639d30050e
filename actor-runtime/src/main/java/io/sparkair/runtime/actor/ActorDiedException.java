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
package io.sparkair.runtime.actor;

import io.sparkair.runtime.AirException;

/**
 * The actor a call was addressed to died before answering: it was killed, its constructor failed,
 * or the JVM that hosted it was lost.
 */
public class ActorDiedException extends AirException {
  private static final long serialVersionUID = 1L;

  /** The actor's name, or its id when it has no name. */
  private final String actor;

  /** The node (executor id) that hosted the actor. */
  private final String node;

  /**
   * @param actor the actor's name or id
   * @param node the node (executor id) that hosted it
   * @param reason what happened
   */
  public ActorDiedException(String actor, String node, String reason) {
    super("actor " + actor + " on " + node + " died: " + reason);
    this.actor = actor;
    this.node = node;
  }

  /** The actor's name, or its id when it has no name. */
  public String actor() {
    return actor;
  }

  /** The node (executor id) that hosted the actor. */
  public String node() {
    return node;
  }
}
