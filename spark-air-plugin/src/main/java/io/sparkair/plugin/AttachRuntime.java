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
package io.sparkair.plugin;

import io.sparkair.spark.AirSettings;
import io.sparkair.spark.ExecutorCores;
import io.sparkair.spark.ExecutorRuntime;
import java.io.Serializable;
import org.apache.spark.SparkEnv;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of an attach task: starts the runtime in the executor it runs on, when the plugin was
 * not configured, and registers it with the driver.
 */
final class AttachRuntime extends AbstractFunction1<Iterator<String>, Iterator<String>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AirSettings settings;

  AttachRuntime(AirSettings settings) {
    this.settings = settings;
  }

  @Override
  public Iterator<String> apply(Iterator<String> ignored) {
    String executor = SparkEnv.get().executorId();
    ExecutorRuntime.ensureStarted(
        settings, executor, ExecutorCores.of(SparkEnv.get().conf()), true);
    return scala.collection.Iterator$.MODULE$.single(executor);
  }
}
