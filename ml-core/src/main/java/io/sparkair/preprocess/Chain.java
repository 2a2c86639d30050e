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
package io.sparkair.preprocess;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkair.runtime.batch.BatchDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Several preprocessors applied in order. Fitting fits each on the output of the ones before it, as
 * Ray's {@code Chain} does. Its statistics are those of its stages, together.
 */
public final class Chain extends AbstractPreprocessor {
  private static final long serialVersionUID = 1L;
  private static final String STAGES = "stages";

  /** The stages, in order. */
  private List<Preprocessor> stages;

  Chain() {}

  /** The preprocessors, applied in this order. */
  public Chain(Preprocessor... stages) {
    this(Arrays.asList(stages));
  }

  /** The preprocessors, applied in this order. */
  public Chain(List<Preprocessor> stages) {
    Objects.requireNonNull(stages, "stages");
    if (stages.isEmpty() || stages.contains(null)) {
      throw new IllegalArgumentException("a Chain needs one or more preprocessors, got " + stages);
    }
    this.stages = List.copyOf(stages);
  }

  /** The stages, in order. */
  public List<Preprocessor> stages() {
    return stages;
  }

  @Override
  void writeFields(ObjectNode json) {
    ArrayNode array = json.putArray(STAGES);
    stages.forEach(stage -> array.add(PreprocessorParser.toJson(stage)));
  }

  @Override
  void readFields(JsonFields json) {
    stages = List.copyOf(json.preprocessors(STAGES));
  }

  @Override
  public <D extends BatchDataset<D>> Preprocessor fit(D dataset) {
    Objects.requireNonNull(dataset, "dataset");
    D current = dataset;
    for (int i = 0; i < stages.size(); i++) {
      Preprocessor stage = stages.get(i);
      stage.fit(current);
      if (i < stages.size() - 1) {
        D next = stage.transform(current);
        if (current != dataset) {
          current.close();
        }
        current = next;
      }
    }
    if (current != dataset) {
      current.close();
    }
    return this;
  }

  @Override
  public Preprocessor fitBatches(Iterable<VectorSchemaRoot> batches) {
    Objects.requireNonNull(batches, "batches");
    List<VectorSchemaRoot> owned = new ArrayList<>();
    Iterable<VectorSchemaRoot> current = batches;
    try {
      for (int i = 0; i < stages.size(); i++) {
        Preprocessor stage = stages.get(i);
        stage.fitBatches(current);
        if (i < stages.size() - 1) {
          List<VectorSchemaRoot> next = new ArrayList<>();
          for (VectorSchemaRoot batch : current) {
            next.add(stage.transformBatch(batch));
          }
          closeAll(owned);
          owned = next;
          current = next;
        }
      }
      return this;
    } finally {
      closeAll(owned);
    }
  }

  @Override
  protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
    VectorSchemaRoot current = batch;
    for (Preprocessor stage : stages) {
      VectorSchemaRoot next = stage.transformBatch(current);
      if (current != batch) {
        current.close();
      }
      current = next;
    }
    return current;
  }

  @Override
  public Map<String, Object> stats() {
    Map<String, Object> all = new LinkedHashMap<>();
    stages.forEach(s -> all.putAll(s.stats()));
    return Collections.unmodifiableMap(all);
  }

  @Override
  public boolean isFitted() {
    return stages.stream().allMatch(Preprocessor::isFitted);
  }

  private static void closeAll(List<VectorSchemaRoot> batches) {
    batches.forEach(VectorSchemaRoot::close);
  }

  @Override
  public String toString() {
    return "Chain" + stages;
  }
}
