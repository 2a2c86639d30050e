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
package io.sparkair.runtime.actor;

import java.util.concurrent.CompletableFuture;

/**
 * Delivers calls made through {@link ActorRef}s. Implemented by the runtime; not meant for users.
 */
public interface CallRouter {
  /**
   * Routes one call.
   *
   * @param ref the addressed actor
   * @param fn an {@link ActorCall} or {@link ActorMethod1}
   * @param arg the argument, or {@code Invocation.NO_ARG}
   * @param result completed with the result; null for a one-way call
   */
  void route(ActorRef<?> ref, Object fn, Object arg, CompletableFuture<Object> result);

  /** Stops the actor; it is not restarted. */
  void kill(ActorRef<?> ref);

  /** The router that refs deserialized in this JVM use. */
  static CallRouter current() {
    CallRouter router = Routers.jvmDefault;
    if (router == null) {
      throw new IllegalStateException(
          "no Spark AIR runtime runs in this JVM; start one with AirRuntime.start "
              + "or enable the plugin (spark.plugins=io.sparkair.plugin.AirPlugin)");
    }
    return router;
  }

  /** Makes {@code router} the JVM's default unless another is set. */
  static void installDefault(CallRouter router) {
    synchronized (Routers.class) {
      if (Routers.jvmDefault == null) {
        Routers.jvmDefault = router;
      }
    }
  }

  /** Removes {@code router} as the JVM's default. */
  static void uninstallDefault(CallRouter router) {
    synchronized (Routers.class) {
      if (Routers.jvmDefault == router) {
        Routers.jvmDefault = null;
      }
    }
  }

  /** Holds the JVM's default router. */
  final class Routers {
    private static volatile CallRouter jvmDefault;

    private Routers() {}
  }
}
