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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Open Inference Protocol says of a model: its inputs are the columns its predictor reads
 * (each {@code FP64} of shape {@code [-1]}); its outputs are found by predicting one row of zeros,
 * once per configuration of the deployment. Both are empty when the predictor does not know its
 * columns.
 */
final class ModelDescriptions {
  /** A tensor's name, datatype and shape ({@code -1}: any number of rows). */
  record Tensor(String name, String datatype, long[] shape) {}

  /** A model's name, platform, inputs and outputs. */
  record Description(String name, String platform, List<Tensor> inputs, List<Tensor> outputs) {}

  private record Known(DeploymentConfig config, Description description) {}

  private final Map<Deployment, Known> known = new ConcurrentHashMap<>();

  /** The description of the model a deployment serves. */
  CompletableFuture<Description> describe(Deployment deployment) {
    DeploymentConfig config = deployment.config();
    Known cached = known.get(deployment);
    if (cached != null && cached.config() == config) {
      return CompletableFuture.completedFuture(cached.description());
    }
    String platform = "spark-air/" + deployment.predictorClass();
    List<Tensor> inputs = new ArrayList<>();
    List<ColumnBatch.Column> zeros = new ArrayList<>();
    for (String column : deployment.inputColumns()) {
      inputs.add(new Tensor(column, "FP64", new long[] {-1}));
      zeros.add(new ColumnBatch.Column(column, ColumnBatch.Kind.DOUBLE, new Object[] {0.0}));
    }
    Description unknownOutputs = new Description(deployment.name(), platform, inputs, List.of());
    if (inputs.isEmpty()) {
      return CompletableFuture.completedFuture(unknownOutputs);
    }
    CompletableFuture<ColumnBatch> probe;
    try {
      probe = deployment.submit(new ColumnBatch(zeros));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(unknownOutputs);
    }
    return probe.handle(
        (rows, e) -> {
          if (e != null) {
            return unknownOutputs;
          }
          List<Tensor> outputs = new ArrayList<>();
          for (ColumnBatch.Column column : rows.columns()) {
            long[] shape = InferTensors.shapeOf(column, rows.rowCount());
            shape[0] = -1;
            outputs.add(new Tensor(column.name(), InferTensors.datatypeOf(column.kind()), shape));
          }
          Description description = new Description(deployment.name(), platform, inputs, outputs);
          known.put(deployment, new Known(config, description));
          return description;
        });
  }

  /** Forgets a removed deployment. */
  void forget(Deployment deployment) {
    known.remove(deployment);
  }
}
