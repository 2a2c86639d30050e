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
 * An exception thrown inside a remote actor whose class could not be loaded by the caller. It
 * carries the original class name, message and the remote stack trace.
 */
public class RemoteActorException extends AirException {
  private static final long serialVersionUID = 1L;

  /** The class name of the exception thrown in the actor. */
  private final String remoteClass;

  /**
   * @param remoteClass the class name of the exception thrown in the actor
   * @param message its message
   * @param remoteStackTrace its stack trace as printed on the remote side
   */
  public RemoteActorException(String remoteClass, String message, String remoteStackTrace) {
    super(remoteClass + ": " + message + "\nremote stack trace:\n" + remoteStackTrace);
    this.remoteClass = remoteClass;
  }

  /** The class name of the exception thrown in the actor. */
  public String remoteClass() {
    return remoteClass;
  }
}
