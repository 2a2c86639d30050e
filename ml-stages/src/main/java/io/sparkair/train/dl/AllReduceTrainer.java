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
package io.sparkair.train.dl;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.util.Pair;
import io.sparkair.runtime.collective.Collective;
import java.util.ArrayList;
import java.util.List;

/**
 * A DJL trainer whose workers stay identical: once its parameters are initialized every worker
 * takes rank 0's, and before each optimizer step the gradients (and the running statistics of
 * layers such as batch normalization, which have no gradient) are averaged over all workers in one
 * all-reduce.
 */
final class AllReduceTrainer extends Trainer {
  private final Collective collective;

  AllReduceTrainer(Model model, TrainingConfig config, Collective collective) {
    super(model, config);
    this.collective = collective;
  }

  @Override
  public void initialize(Shape... shapes) {
    super.initialize(shapes);
    List<NDArray> all = new ArrayList<>();
    for (Pair<String, Parameter> p : getModel().getBlock().getParameters()) {
      all.add(p.getValue().getArray());
    }
    float[] mine = flatten(all);
    collective.broadcast(mine, 0);
    unflatten(mine, all, 1f);
  }

  @Override
  public void step() {
    if (collective.worldSize() > 1) {
      List<NDArray> shared = new ArrayList<>();
      // Gradient arrays are DJL's own (it reads them again in super.step()): never close them.
      for (Pair<String, Parameter> p : getModel().getBlock().getParameters()) {
        NDArray array = p.getValue().getArray();
        shared.add(p.getValue().requiresGradient() ? array.getGradient() : array);
      }
      unflatten(collective.allReduce(flatten(shared)), shared, 1f / collective.worldSize());
    }
    super.step();
  }

  private static float[] flatten(List<NDArray> arrays) {
    long total = 0;
    for (NDArray a : arrays) {
      total += a.size();
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "the model has " + total + " values, more than one " + "all-reduce carries");
    }
    float[] out = new float[(int) total];
    int at = 0;
    for (NDArray a : arrays) {
      float[] values = a.toFloatArray();
      System.arraycopy(values, 0, out, at, values.length);
      at += values.length;
    }
    return out;
  }

  /** Writes {@code values * scale} back into the arrays, in place. */
  private static void unflatten(float[] values, List<NDArray> arrays, float scale) {
    int at = 0;
    for (NDArray a : arrays) {
      int n = (int) a.size();
      float[] part = java.util.Arrays.copyOfRange(values, at, at + n);
      if (scale != 1f) {
        for (int i = 0; i < n; i++) {
          part[i] *= scale;
        }
      }
      a.set(part);
      at += n;
    }
  }
}
