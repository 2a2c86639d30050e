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
package io.sparkair.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.preprocess.Batches;
import io.sparkair.preprocess.StandardScaler;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  private static StandardScaler fittedScaler() {
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = Batches.of(Batches.doubles(allocator, "a", 1.0, 3.0))) {
      StandardScaler scaler = new StandardScaler("a");
      scaler.fitBatches(List.of(batch));
      return scaler;
    }
  }

  @Test
  void roundTripsModelPreprocessorAndMetadata(@TempDir Path dir) throws Exception {
    Checkpoint built =
        Checkpoint.builder("xgboost")
            .modelFile("model.json", "{\"trees\":[]}".getBytes(StandardCharsets.UTF_8))
            .preprocessor(fittedScaler())
            .metrics(Map.of("train-logloss", 0.25, "iteration", 20))
            .build();
    String target = dir.resolve("ck").toString();
    built.toDirectory(target);
    Checkpoint loaded = Checkpoint.fromDirectory(target);
    assertEquals("xgboost", loaded.getMetadata().framework());
    assertEquals(Checkpoint.FORMAT_VERSION, loaded.getMetadata().formatVersion());
    assertEquals(0.25, loaded.getMetadata().metrics().get("train-logloss"));
    assertEquals("StandardScaler", loaded.getMetadata().preprocessorType());
    assertEquals(Map.of("mean(a)", 2.0, "std(a)", 1.0), loaded.getPreprocessor().stats());
    assertEquals("{\"trees\":[]}", Files.readString(loaded.modelDirectory().resolve("model.json")));
    assertTrue(loaded.getMetadata().files().containsKey("model/model.json"));
    assertEquals(List.of("ck"), siblings(dir), "no temporary directory is left");

    Checkpoint second =
        Checkpoint.builder("xgboost").modelFile("model.json", new byte[] {1}).build();
    second.toDirectory("file:" + target);
    assertNull(Checkpoint.fromDirectory(target).getPreprocessor(), "replaced");
    assertEquals(List.of("ck"), siblings(dir));
  }

  @Test
  void damagedCheckpointsFailNamingTheFile(@TempDir Path dir) throws Exception {
    Path ck = dir.resolve("ck");
    Checkpoint.builder("xgboost")
        .modelFile("model.json", new byte[1000])
        .preprocessor(fittedScaler())
        .build()
        .toDirectory(ck.toString());

    Files.write(ck.resolve("model/model.json"), new byte[10]);
    InvalidCheckpointException truncated =
        assertThrows(
            InvalidCheckpointException.class, () -> Checkpoint.fromDirectory(ck.toString()));
    assertTrue(
        truncated.getMessage().contains("model/model.json has 10 bytes, 1000 were written"),
        truncated.getMessage());

    byte[] changed = new byte[1000];
    changed[7] = 1;
    Files.write(ck.resolve("model/model.json"), changed);
    InvalidCheckpointException tampered =
        assertThrows(
            InvalidCheckpointException.class, () -> Checkpoint.fromDirectory(ck.toString()));
    assertTrue(
        tampered.getMessage().contains("model/model.json does not match the SHA-256"),
        tampered.getMessage());

    Files.write(ck.resolve("model/model.json"), new byte[1000]);
    Files.delete(ck.resolve(Checkpoint.PREPROCESSOR));
    InvalidCheckpointException missing =
        assertThrows(
            InvalidCheckpointException.class, () -> Checkpoint.fromDirectory(ck.toString()));
    assertTrue(missing.getMessage().contains("preprocessor.json is missing"), missing.getMessage());

    Files.delete(ck.resolve(Checkpoint.METADATA));
    InvalidCheckpointException noMetadata =
        assertThrows(
            InvalidCheckpointException.class, () -> Checkpoint.fromDirectory(ck.toString()));
    assertTrue(
        noMetadata.getMessage().contains("metadata.json is missing"), noMetadata.getMessage());

    InvalidCheckpointException nothing =
        assertThrows(
            InvalidCheckpointException.class,
            () -> Checkpoint.fromDirectory(dir.resolve("nope").toString()));
    assertTrue(nothing.getMessage().contains("does not exist"), nothing.getMessage());
  }

  @Test
  void aNewerFormatAndBadArgumentsAreRefused(@TempDir Path dir) throws Exception {
    Path ck = dir.resolve("ck");
    Checkpoint.builder("xgboost").build().toDirectory(ck.toString());
    Path meta = ck.resolve(Checkpoint.METADATA);
    Files.writeString(
        meta, Files.readString(meta).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
    InvalidCheckpointException newer =
        assertThrows(
            InvalidCheckpointException.class, () -> Checkpoint.fromDirectory(ck.toString()));
    assertTrue(newer.getMessage().contains("format version 9"), newer.getMessage());

    assertThrows(IllegalArgumentException.class, () -> Checkpoint.builder(" "));
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.builder("x").modelFile("../escape", new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.builder("x").preprocessor(new StandardScaler("a")).build());
    IllegalArgumentException scheme =
        assertThrows(
            IllegalArgumentException.class,
            () -> Checkpoint.fromDirectory("nosuchscheme://bucket/ck"));
    assertTrue(scheme.getMessage().contains("nosuchscheme"), scheme.getMessage());
  }

  @Test
  void closingDeletesOnlyTemporaryCopies(@TempDir Path dir) {
    Checkpoint built = Checkpoint.builder("x").modelFile("m.bin", new byte[] {1}).build();
    assertTrue(built.isTemporary());
    Checkpoint stored = built.toDirectory(dir.resolve("ck").toString());
    Checkpoint received = Checkpoint.fromFiles(built.toFiles());
    assertTrue(received.isTemporary());
    built.close();
    built.close();
    received.close();
    assertFalse(Files.exists(built.path()), "a built checkpoint's directory is deleted");
    assertFalse(Files.exists(received.path()), "a received checkpoint's directory is deleted");
    assertFalse(stored.isTemporary());
    stored.close();
    assertArrayEquals(
        new byte[] {1},
        Checkpoint.fromDirectory(dir.resolve("ck").toString()).toFiles().get("model/m.bin"),
        "a checkpoint in a directory the caller named is never deleted");
  }

  @Test
  void aWriterKilledMidWayLeavesNothingThatLoads(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("ck");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path scratch = Files.createDirectories(dir.resolve("tmp"));
    Process writer =
        new ProcessBuilder(
                java,
                "-Djava.io.tmpdir=" + scratch,
                "-cp",
                System.getProperty("java.class.path"),
                CheckpointWriter.class.getName(),
                target.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("READY", out.readLine());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (siblings(dir).stream().noneMatch(n -> n.startsWith(".ck.tmp-"))) {
        assertTrue(System.nanoTime() < deadline, "the writer never started writing");
        assertTrue(writer.isAlive(), "the writer finished before it could be killed");
        Thread.sleep(1);
      }
      Thread.sleep(50);
      writer.destroyForcibly().waitFor();
    } finally {
      writer.destroyForcibly();
    }
    assertTrue(!Files.exists(target), "the target must not exist: " + siblings(dir));
    assertThrows(
        InvalidCheckpointException.class, () -> Checkpoint.fromDirectory(target.toString()));
    List<String> partial = siblings(dir);
    assertNotEquals(List.of(), partial);
    for (String name : partial) {
      assertThrows(
          InvalidCheckpointException.class,
          () -> Checkpoint.fromDirectory(dir.resolve(name).toString()),
          "a partial copy must not load: " + name);
    }
  }

  private static List<String> siblings(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  static List<String> classpathWithout(List<String> markers) {
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (markers.stream().noneMatch(entry::contains)) {
        kept.add(entry);
      }
    }
    return kept;
  }
}
