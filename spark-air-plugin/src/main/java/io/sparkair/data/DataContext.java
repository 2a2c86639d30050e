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

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.cluster.NodeInfo;
import io.sparkair.spark.AirSettings;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * What a dataset needs from the application it belongs to; {@code Air} is the one implementation,
 * so the datasets do not depend on the facade that makes them.
 */
public interface DataContext {
  /** The active Spark session. */
  SparkSession session();

  /** This JVM's runtime, which holds the blocks' references. */
  AirRuntime runtime();

  /** The application's {@code spark.air.*} settings. */
  AirSettings settings();

  /** The runtimes registered with the head, the driver's included. */
  List<NodeInfo> nodes();

  /**
   * Checks that a Spark job can get a task slot now.
   *
   * @param what what needs the slot, for the error message
   * @throws IllegalStateException when actors hold every slot
   */
  void requireFreeSlot(String what);
}
