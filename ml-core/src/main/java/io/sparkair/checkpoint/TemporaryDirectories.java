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

import io.sparkair.runtime.AirEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The temporary directories this JVM's checkpoints live in: made here, and deleted when their
 * checkpoint is closed or, at the latest, when the JVM exits (the set of live directories is one of
 * the JVM's {@link AirEnv} services).
 */
final class TemporaryDirectories {
  /** The directories made and not deleted yet; deletes them when the JVM exits. */
  private static final class Live implements AutoCloseable {
    private final Set<Path> dirs = ConcurrentHashMap.newKeySet();

    @Override
    public void close() {
      List.copyOf(dirs).forEach(TemporaryDirectories::delete);
    }
  }

  private static Set<Path> live() {
    return AirEnv.service(Live.class, Live::new).dirs;
  }

  private TemporaryDirectories() {}

  /** A new empty directory, deleted at the latest when the JVM exits. */
  private static Path create() {
    try {
      Path dir = Files.createTempDirectory("spark-air-checkpoint-");
      live().add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary directory: " + e, e);
    }
  }

  /** Fills a new directory; the directory is deleted when filling it fails. */
  @FunctionalInterface
  interface Filler<T> {
    T fill(Path dir) throws IOException;
  }

  /** What {@code filler} makes of a new directory, which is deleted when {@code filler} throws. */
  static <T> T fill(Filler<T> filler) throws IOException {
    Path dir = create();
    try {
      return filler.fill(dir);
    } catch (IOException | RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  /** Whether {@code dir} was made by {@link #create} and is not deleted yet. */
  static boolean contains(Path dir) {
    return live().contains(dir);
  }

  /** Deletes {@code dir} with everything in it, if {@link #create} made it; quietly. */
  static void delete(Path dir) {
    if (!live().remove(dir)) {
      return;
    }
    try {
      deleteTree(dir);
    } catch (IOException | UncheckedIOException e) {
      // what could not be deleted stays in the system's temporary directory
    }
  }

  /** Deletes a directory tree, deepest entries first. */
  static void deleteTree(Path dir) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all =
          walk.sorted(Comparator.comparingInt(Path::getNameCount).reversed())
              .collect(Collectors.toList());
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
