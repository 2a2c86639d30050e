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
package io.sparkair.data;

import io.sparkair.spark.AirSettings;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One block as a Spark input partition, preferring the executor that holds it.
 *
 * @param block the block to read
 * @param settings the application's settings, to reach the runtime in the reading JVM
 */
record BlockPartition(BlockRef block, AirSettings settings) implements InputPartition {
  @Override
  public String[] preferredLocations() {
    return new String[] {block.preferredLocation()};
  }
}
