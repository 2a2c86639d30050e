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
package io.sparkair.preprocess.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkair.preprocess.Batches;
import io.sparkair.preprocess.OrdinalEncoder;
import io.sparkair.preprocess.PersistentPreprocessor;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import io.sparkair.preprocess.StatelessPreprocessor;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Preprocessors of a user's own classes, outside Spark AIR's package, saved as JSON. */
class PersistentPreprocessorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Clips a column to a range, into a new batch of that column only. */
  static final class Clip extends StatelessPreprocessor implements PersistentPreprocessor {
    private static final long serialVersionUID = 1L;
    private String column;
    private double low;
    private double high;

    private Clip() {}

    Clip(String column, double low, double high) {
      this.column = column;
      this.low = low;
      this.high = high;
    }

    @Override
    public void writeState(ObjectNode state) {
      state.put("column", column);
      state.put("low", low);
      state.put("high", high);
    }

    @Override
    public void readState(JsonNode state) {
      if (!state.path("column").isTextual()) {
        throw new IllegalArgumentException("Clip needs a string 'column'");
      }
      column = state.get("column").textValue();
      low = state.path("low").asDouble();
      high = state.path("high").asDouble();
    }

    @Override
    protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
      Float8Vector in = (Float8Vector) batch.getVector(column);
      Float8Vector out = new Float8Vector(column, allocator);
      out.allocateNew(Math.max(batch.getRowCount(), 1));
      for (int i = 0; i < batch.getRowCount(); i++) {
        if (in.isNull(i)) {
          out.setNull(i);
        } else {
          out.set(i, Math.min(high, Math.max(low, in.get(i))));
        }
      }
      out.setValueCount(batch.getRowCount());
      return Batches.of(out);
    }
  }

  /** An ordinal encoder with a note of its own: it saves the encoder's fields and its own. */
  static final class NotedEncoder extends OrdinalEncoder implements PersistentPreprocessor {
    private static final long serialVersionUID = 1L;
    private String note;

    private NotedEncoder() {
      super("unset");
    }

    NotedEncoder(String note, String... columns) {
      super(columns);
      this.note = note;
    }

    @Override
    public void writeState(ObjectNode state) {
      state.put("note", note);
    }

    @Override
    public void readState(JsonNode state) {
      note = state.path("note").asText();
    }
  }

  /** Writes a field an encoder writes already. */
  static final class Clashing extends OrdinalEncoder implements PersistentPreprocessor {
    private static final long serialVersionUID = 1L;

    Clashing() {
      super("c");
    }

    @Override
    public void writeState(ObjectNode state) {
      state.put("columns", "mine");
    }

    @Override
    public void readState(JsonNode state) {}
  }

  /** Fails to read its state with another exception than IllegalArgumentException. */
  static final class Careless extends StatelessPreprocessor implements PersistentPreprocessor {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeState(ObjectNode state) {}

    @Override
    public void readState(JsonNode state) {
      state.get("absent").asText();
    }

    @Override
    protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
      return batch;
    }
  }

  /** A preprocessor that does not say how to save itself. */
  static final class Unsaved extends StatelessPreprocessor {
    private static final long serialVersionUID = 1L;

    @Override
    protected VectorSchemaRoot transformFitted(VectorSchemaRoot batch, BufferAllocator allocator) {
      return batch;
    }
  }

  @Test
  void aPersistentPreprocessorIsSavedUnderItsClassNameWithTheFieldsItWrites() throws Exception {
    Clip clip = new Clip("a", 1.5, 3.5);
    String json = Preprocessors.toJson(clip);
    ObjectNode expected = JSON.createObjectNode();
    expected.put("formatVersion", 1);
    expected
        .putObject("preprocessor")
        .put("type", Clip.class.getName())
        .put("column", "a")
        .put("low", 1.5)
        .put("high", 3.5);
    assertEquals(expected, JSON.readTree(json));
    Preprocessor loaded = Preprocessors.fromJson(json);
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = Batches.of(Batches.doubles(allocator, "a", 1.0, 2.0, null, 4.0));
        VectorSchemaRoot out = loaded.transformBatch(batch)) {
      assertEquals(Arrays.asList(1.5, 2.0, null, 3.5), Batches.values(out, "a"));
    }
  }

  @Test
  void aSubclassOfABuiltInSavesTheBuiltInsFieldsToo() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = Batches.of(Batches.strings(allocator, "c", "y", "x", "y"))) {
      NotedEncoder encoder = new NotedEncoder("by hand", "c");
      encoder.fitBatches(List.of(batch));
      String json = Preprocessors.toJson(encoder);
      JsonNode saved = JSON.readTree(json).get("preprocessor");
      assertEquals(NotedEncoder.class.getName(), saved.get("type").textValue());
      assertEquals("by hand", saved.get("note").textValue());
      Preprocessor loaded = Preprocessors.fromJson(json);
      assertEquals(encoder.stats(), loaded.stats());
      assertEquals(json, Preprocessors.toJson(loaded));
      try (VectorSchemaRoot out = loaded.transformBatch(batch)) {
        assertEquals(List.of(1, 0, 1), Batches.values(out, "c"));
      }
    }
  }

  @Test
  void aPreprocessorThatDoesNotSayHowToSaveItselfIsRefused() {
    IllegalArgumentException write =
        assertThrows(IllegalArgumentException.class, () -> Preprocessors.toJson(new Unsaved()));
    assertTrue(
        write.getMessage().contains(Unsaved.class.getName())
            && write.getMessage().contains("PersistentPreprocessor"),
        write.getMessage());
    IllegalArgumentException read =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Preprocessors.fromJson(
                    "{\"formatVersion\": 1, \"preprocessor\": {\"type\": \""
                        + Unsaved.class.getName()
                        + "\"}}"));
    assertTrue(read.getMessage().contains("PersistentPreprocessor"), read.getMessage());
  }

  @Test
  void failuresOfAPersistentPreprocessorAreIllegalArguments() {
    IllegalArgumentException clash =
        assertThrows(IllegalArgumentException.class, () -> Preprocessors.toJson(new Clashing()));
    assertTrue(clash.getMessage().contains("'columns'"), clash.getMessage());
    IllegalArgumentException own =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Preprocessors.fromJson(
                    "{\"formatVersion\": 1, \"preprocessor\": {\"type\": \""
                        + Clip.class.getName()
                        + "\", \"column\": 3}}"));
    assertEquals("Clip needs a string 'column'", own.getMessage());
    String careless = Preprocessors.toJson(new Careless());
    IllegalArgumentException other =
        assertThrows(IllegalArgumentException.class, () -> Preprocessors.fromJson(careless));
    assertTrue(other.getMessage().contains(Careless.class.getName()), other.getMessage());
    assertFalse(other.getCause() instanceof IllegalArgumentException);
  }
}
