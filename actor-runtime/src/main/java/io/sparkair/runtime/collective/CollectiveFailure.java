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

import java.io.Serializable;

/**
 * Why a group's collectives can no longer complete: the worker that failed (or -1 when the group
 * itself ended) and what happened to it.
 */
record CollectiveFailure(int worker, String message) implements Serializable {
  CollectiveException toException() {
    return new CollectiveException(message, worker);
  }
}
