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
package io.sparkair.train;

import io.sparkair.runtime.AirEnv;
import java.util.Objects;

/**
 * Where training and tuning progress goes on the driver (with {@code RunConfig.setVerbose(1)} or
 * more): each update is the latest state of one run or experiment, named by its key. The console
 * prints every update as a line; a notebook kernel shows each key in one output area and updates it
 * in place. One output serves the whole JVM ({@link #use}).
 */
@FunctionalInterface
public interface ProgressOutput {
  /** Prints each update as a line on standard output. */
  ProgressOutput CONSOLE = (key, text) -> System.out.println(text);

  /**
   * Shows {@code text} as the latest progress of {@code key} (a run's or an experiment's name),
   * replacing what was shown for that key before where the output can.
   */
  void show(String key, String text);

  /** The output this JVM's runs and experiments report to; {@link #CONSOLE} unless one is set. */
  static ProgressOutput current() {
    return AirEnv.service(Current.class, Current::new).output;
  }

  /** Makes {@code output} the one this JVM's runs and experiments report to from now on. */
  static void use(ProgressOutput output) {
    AirEnv.service(Current.class, Current::new).output = Objects.requireNonNull(output, "output");
  }

  /** The JVM's progress output, an {@link AirEnv} service. */
  final class Current {
    private volatile ProgressOutput output = CONSOLE;
  }
}
