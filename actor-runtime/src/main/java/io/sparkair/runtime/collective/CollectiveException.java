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
package io.sparkair.runtime.collective;

import io.sparkair.runtime.AirException;

/**
 * A collective call could not complete: a worker of the group died or left, or the group ended.
 * Every worker of the group gets it, naming the same worker.
 */
public class CollectiveException extends AirException {
  private static final long serialVersionUID = 1L;

  private final int failedWorker;

  /** A failure of {@code failedWorker}'s (-1 when no one worker failed) described by message. */
  public CollectiveException(String message, int failedWorker) {
    super(message);
    this.failedWorker = failedWorker;
  }

  /** The rank of the worker that failed, or -1 when the group ended without one failing. */
  public int failedWorker() {
    return failedWorker;
  }
}
