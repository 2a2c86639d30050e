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
package io.sparkair.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The small files of runs and experiments (logs, states, reports) under a storage path. Local paths
 * are read and written with {@code java.nio}, each write replacing the file atomically; other paths
 * go through their Hadoop {@code FileSystem}. (Hadoop's local file system, without its native
 * library, starts a {@code chmod} process for every file it creates, which made every trial of a
 * Tuner tens of milliseconds slower.)
 */
public final class RunStorage {
  private RunStorage() {}

  /** Writes {@code content} to {@code uri}, replacing what was there. */
  public static void write(String uri, byte[] content, Configuration hadoop) {
    try {
      java.nio.file.Path local = local(uri, hadoop);
      if (local != null) {
        Files.createDirectories(local.getParent());
        java.nio.file.Path temporary =
            local.resolveSibling("." + local.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.write(temporary, content);
        Files.move(
            temporary, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      Path path = new Path(uri);
      try (OutputStream out = path.getFileSystem(hadoop).create(path, true)) {
        out.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + uri + ": " + e, e);
    }
  }

  /** The content of {@code uri}, or null when there is no such file. */
  public static byte[] readIfExists(String uri, Configuration hadoop) {
    try {
      java.nio.file.Path local = local(uri, hadoop);
      if (local != null) {
        return Files.isRegularFile(local) ? Files.readAllBytes(local) : null;
      }
      Path path = new Path(uri);
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        return null;
      }
      try (InputStream in = fs.open(path)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri + ": " + e, e);
    }
  }

  /** Whether a file or directory exists at {@code uri}. */
  public static boolean exists(String uri, Configuration hadoop) {
    try {
      java.nio.file.Path local = local(uri, hadoop);
      if (local != null) {
        return Files.exists(local);
      }
      Path path = new Path(uri);
      return path.getFileSystem(hadoop).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + uri + ": " + e, e);
    }
  }

  /**
   * The names of the directories in {@code uri} that start with {@code prefix}, unordered.
   *
   * @throws IllegalArgumentException when {@code uri} is not a directory
   */
  public static List<String> directories(String uri, String prefix, Configuration hadoop) {
    List<String> names = new ArrayList<>();
    try {
      java.nio.file.Path local = local(uri, hadoop);
      if (local != null) {
        if (!Files.isDirectory(local)) {
          throw new IllegalArgumentException("no directory at " + uri);
        }
        try (Stream<java.nio.file.Path> children = Files.list(local)) {
          children
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith(prefix))
              .forEach(names::add);
        }
        return names;
      }
      Path path = new Path(uri);
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.isDirectory(path)) {
        throw new IllegalArgumentException("no directory at " + uri);
      }
      for (FileStatus status : fs.listStatus(path)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith(prefix)) {
          names.add(name);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + uri + ": " + e, e);
    }
  }

  /** The local path {@code uri} names, or null when it is on another file system. */
  private static java.nio.file.Path local(String uri, Configuration hadoop) {
    URI parsed = new Path(uri).toUri();
    String scheme = parsed.getScheme();
    if (scheme == null) {
      String defaultScheme = FileSystem.getDefaultUri(hadoop).getScheme();
      if (defaultScheme != null && !"file".equals(defaultScheme)) {
        return null;
      }
      return java.nio.file.Path.of(parsed.getPath());
    }
    return "file".equals(scheme) ? java.nio.file.Path.of(parsed) : null;
  }
}
