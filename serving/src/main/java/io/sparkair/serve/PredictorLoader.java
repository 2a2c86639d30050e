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
package io.sparkair.serve;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.Predictor;
import io.sparkair.predict.Predictors;

/** Loads a predictor of a checkpoint: its framework's, or of a class the request names. */
final class PredictorLoader {
  private PredictorLoader() {}

  /**
   * A new predictor of class {@code className} for the checkpoint in {@code directory}.
   *
   * @param className the predictor class, or null for the built-in one of the checkpoint's
   *     framework
   * @throws IllegalArgumentException when the class is not a predictor or the checkpoint cannot be
   *     loaded
   */
  static Predictor load(String className, String directory) {
    Checkpoint checkpoint = Checkpoint.fromDirectory(directory);
    String name =
        className != null
            ? className
            : Predictors.forFramework(checkpoint.getMetadata().framework()).predictorClassName();
    Class<? extends Predictor> type;
    try {
      Class<?> found = Class.forName(name);
      if (!Predictor.class.isAssignableFrom(found)) {
        throw new IllegalArgumentException(name + " is not an io.sparkair.predict.Predictor");
      }
      type = found.asSubclass(Predictor.class);
      Predictors.requireLoadable(type);
    } catch (NoClassDefFoundError e) {
      throw missingClasses(name, e);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("predictor class " + name + " cannot be used: " + e, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "predictor class " + name + " cannot be used: " + e.getMessage(), e);
    }
    try {
      return Predictors.load(type, checkpoint);
    } catch (NoClassDefFoundError e) {
      throw missingClasses(name, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot load " + name + " from " + directory + ": " + e, e);
    }
  }

  private static IllegalArgumentException missingClasses(String className, Throwable cause) {
    return new IllegalArgumentException(
        className
            + " needs classes the sidecar does not have ("
            + cause.getMessage()
            + "); add their jars with AIR_SERVE_CLASSPATH (for DJL checkpoints: "
            + "DJL's api, pytorch-engine, pytorch-jni and pytorch-native-cpu, with jna and gson)",
        cause);
  }
}
