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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The preprocessor JSON of format 1, as the version that introduced it wrote it (the files of
 * {@link FormatSamples}): every file still loads into a preprocessor that transforms as the one it
 * was written from, and is written again exactly as it was.
 */
class PreprocessorFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<String> samples() {
    return FormatSamples.samples().keySet().stream();
  }

  static String format1(String file) throws IOException {
    String path = "/" + FormatSamples.FORMAT_1 + "/" + file + ".json";
    try (InputStream in = PreprocessorFormatTest.class.getResourceAsStream(path)) {
      assertNotNull(in, path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void anUnfittedFileLoadsAndFitsAsTheOriginal(String sample) throws IOException {
    String json = format1(sample);
    Preprocessor original = FormatSamples.samples().get(sample).get();
    Preprocessor loaded = Preprocessors.fromJson(json);
    assertEquals(original.getClass(), loaded.getClass());
    assertEquals(original.isFitted(), loaded.isFitted());
    assertEquals(JSON.readTree(json), JSON.readTree(Preprocessors.toJson(loaded)), "written again");
    assertEquals(
        JSON.readTree(json),
        JSON.readTree(Preprocessors.toJson(original)),
        "written by this version");
    try (VectorSchemaRoot data = FormatSamples.data(allocator)) {
      original.fitBatches(List.of(data));
      loaded.fitBatches(List.of(data));
      assertSameTransform(original, loaded, data);
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void aFittedFileLoadsAndTransformsAsTheOriginal(String sample) throws IOException {
    String json = format1(sample + "-fitted");
    Preprocessor loaded = Preprocessors.fromJson(json);
    assertEquals(JSON.readTree(json), JSON.readTree(Preprocessors.toJson(loaded)), "written again");
    try (VectorSchemaRoot data = FormatSamples.data(allocator)) {
      Preprocessor original = FormatSamples.samples().get(sample).get().fitBatches(List.of(data));
      assertEquals(original.getClass(), loaded.getClass());
      assertEquals(
          JSON.readTree(json),
          JSON.readTree(Preprocessors.toJson(original)),
          "written by this version");
      assertEquals(original.stats(), loaded.stats());
      assertSameTransform(original, loaded, data);
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void aCopyIsWrittenAsTheOriginal(String sample) throws IOException {
    String json = format1(sample + "-fitted");
    Preprocessor copy = Preprocessors.copy(Preprocessors.fromJson(json));
    assertEquals(JSON.readTree(json), JSON.readTree(Preprocessors.toJson(copy)));
  }

  private static void assertSameTransform(
      Preprocessor expected, Preprocessor actual, VectorSchemaRoot data) {
    assertTrue(actual.isFitted(), actual.toString());
    try (VectorSchemaRoot a = expected.transformBatch(data);
        VectorSchemaRoot b = actual.transformBatch(data)) {
      assertEquals(a.getSchema(), b.getSchema(), expected.toString());
      assertEquals(a.contentToTSVString(), b.contentToTSVString(), expected.toString());
    }
  }
}
