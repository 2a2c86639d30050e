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

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sidecar's deployments as the Open Inference Protocol's models, each of its name, for its REST
 * routes and its gRPC service alike.
 */
final class ServedModels {
  private final Function<String, Deployment> byName;
  private final Supplier<Collection<Deployment>> all;
  private final ModelDescriptions descriptions = new ModelDescriptions();

  /**
   * @param byName finds a deployment by name (null: none)
   * @param all every deployment
   */
  ServedModels(Function<String, Deployment> byName, Supplier<Collection<Deployment>> all) {
    this.byName = byName;
    this.all = all;
  }

  /** The model of this name, or null. */
  Deployment find(String name) {
    return byName.apply(name);
  }

  /** The message for a model that is not there, naming those that are. */
  String unknown(String name) {
    List<String> names = all.get().stream().map(Deployment::name).sorted().toList();
    return "no model named '" + name + "'; the models are " + names;
  }

  /** Whether every model takes requests. */
  boolean allReady() {
    return all.get().stream().allMatch(Deployment::ready);
  }

  /** What the protocol says of a model. */
  CompletableFuture<ModelDescriptions.Description> describe(Deployment deployment) {
    return descriptions.describe(deployment);
  }

  /** Forgets a removed deployment. */
  void forget(Deployment deployment) {
    descriptions.forget(deployment);
  }
}
