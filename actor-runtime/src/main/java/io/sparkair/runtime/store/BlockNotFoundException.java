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
package io.sparkair.runtime.store;

import io.sparkair.runtime.AirException;

/** The object store holds no block with the requested id (never put, or already released). */
public class BlockNotFoundException extends AirException {
  private static final long serialVersionUID = 1L;

  /**
   * @param id the missing block
   */
  public BlockNotFoundException(BlockId id) {
    super("no block " + id + " in the object store (never stored, or already released)");
  }
}
