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
package io.sparkair.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads lightgbm4j's native library safely when several JVMs on one host use LightGBM (Spark
 * executors). lightgbm4j extracts its library to a fixed path in {@code java.io.tmpdir} each time a
 * JVM loads it, overwriting the file that other JVMs have mapped, which crashes them. Here each JVM
 * has lightgbm4j extract into a directory of its own, by pointing {@code java.io.tmpdir} there
 * while lightgbm4j's classes initialize. Call {@link #load} before any other use of lightgbm4j.
 */
public final class LightGBMNative {
  private static final String BOOSTER = "io.github.metarank.lightgbm4j.LGBMBooster";
  private static boolean loaded;

  private LightGBMNative() {}

  /**
   * Loads the library into this JVM, once.
   *
   * @throws IllegalStateException when lightgbm4j has no library for this platform
   */
  public static synchronized void load() {
    if (loaded) {
      return;
    }
    String tmp = System.getProperty("java.io.tmpdir");
    Path own;
    try {
      own = Files.createTempDirectory("air-lightgbm-");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary directory for LightGBM's library", e);
    }
    own.toFile().deleteOnExit();
    System.setProperty("java.io.tmpdir", own.toString());
    try {
      Class<?> booster = Class.forName(BOOSTER, true, LightGBMNative.class.getClassLoader());
      if (!(Boolean) booster.getMethod("isNativeLoaded").invoke(null)) {
        throw new IllegalStateException(
            "lightgbm4j has no native library for "
                + System.getProperty("os.name")
                + " "
                + System.getProperty("os.arch"));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load lightgbm4j: " + e, e);
    } finally {
      System.setProperty("java.io.tmpdir", tmp);
    }
    for (java.io.File f : own.toFile().listFiles()) {
      f.deleteOnExit();
    }
    loaded = true;
  }
}
