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

import io.sparkair.checkpoint.Checkpoint;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Finds the predictor of a checkpoint: by its framework, through the {@link PredictorProvider}s on
 * the classpath, or by a predictor class named by the caller.
 */
public final class Predictors {
  private Predictors() {}

  /** The providers on the context class loader's classpath. */
  private static List<PredictorProvider> providers() {
    List<PredictorProvider> out = new ArrayList<>();
    ServiceLoader.load(PredictorProvider.class, Thread.currentThread().getContextClassLoader())
        .forEach(out::add);
    if (out.isEmpty()) {
      ServiceLoader.load(PredictorProvider.class, Predictors.class.getClassLoader())
          .forEach(out::add);
    }
    return out;
  }

  /**
   * The provider for checkpoints of {@code framework}.
   *
   * @throws IllegalArgumentException when none reads it, naming the frameworks that are known
   */
  public static PredictorProvider forFramework(String framework) {
    TreeSet<String> known = new TreeSet<>();
    for (PredictorProvider provider : providers()) {
      if (provider.framework().equals(framework)) {
        return provider;
      }
      known.add(provider.framework());
    }
    throw new IllegalArgumentException(
        "no predictor reads "
            + framework
            + " checkpoints (known: "
            + known
            + "); name the predictor class, or add a PredictorProvider");
  }

  /**
   * Checks that {@code type} can make predictors: a provider makes it, or it has a public static
   * {@code fromCheckpoint(Checkpoint)}.
   *
   * @throws IllegalArgumentException naming what is missing
   */
  public static void requireLoadable(Class<? extends Predictor> type) {
    Objects.requireNonNull(type, "type");
    if (provider(type) == null) {
      factoryMethod(type);
    }
  }

  /**
   * A predictor of class {@code type} for {@code checkpoint}: made by the provider of that class,
   * or by the class's static {@code fromCheckpoint(Checkpoint)}.
   *
   * @throws IllegalArgumentException when the class cannot make one, or the checkpoint cannot be
   *     read
   */
  public static Predictor load(Class<? extends Predictor> type, Checkpoint checkpoint) {
    PredictorProvider provider = provider(type);
    if (provider != null) {
      return provider.load(checkpoint);
    }
    try {
      return type.cast(factoryMethod(type).invoke(null, checkpoint));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(type.getName() + ".fromCheckpoint is not public", e);
    }
  }

  private static PredictorProvider provider(Class<? extends Predictor> type) {
    for (PredictorProvider provider : providers()) {
      if (provider.predictorClassName().equals(type.getName())) {
        return provider;
      }
    }
    return null;
  }

  private static Method factoryMethod(Class<? extends Predictor> type) {
    Method from;
    try {
      from = type.getMethod("fromCheckpoint", Checkpoint.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          type.getName() + " has no static fromCheckpoint(" + "Checkpoint)", e);
    }
    if (!Modifier.isStatic(from.getModifiers())) {
      throw new IllegalArgumentException(type.getName() + ".fromCheckpoint is not static");
    }
    return from;
  }
}
