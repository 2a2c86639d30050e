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

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A trained model with everything needed to use it: a directory holding {@code metadata.json}
 * (framework, format version, creation time, metrics, preprocessor type, and the size and SHA-256
 * of every other file), {@code preprocessor.json} (the fitted preprocessor, if any) and {@code
 * model/} in the framework's native format.
 *
 * <p>A checkpoint object always has a local directory ({@link #path()}). It is written to a local
 * path or, through a {@link CheckpointStorage}, to any URI Spark's Hadoop FileSystems reach ({@code
 * hdfs:}, {@code s3a:}, ...); writes are atomic: a crash mid-write never leaves a directory that
 * loads. Loading checks every file, so a truncated or changed checkpoint fails with a message
 * naming the file.
 *
 * <p>A checkpoint that this JVM built, received or downloaded lives in a temporary directory that
 * {@link #close()} deletes, and that is deleted at the latest when the JVM exits; a checkpoint
 * loaded from a local directory you name is never deleted. Write a checkpoint you want to keep with
 * {@link #toDirectory}.
 *
 * <p>The class is long because it is the checkpoint's whole user API (Ray's {@code Checkpoint}):
 * the ways to make one, to read it and to store it, each documented; storage backends are {@code
 * CheckpointStorage} plugins.
 */
public final class Checkpoint implements AutoCloseable {
  /** The layout version this library writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The metadata file's name. */
  public static final String METADATA = "metadata.json";

  /** The preprocessor file's name. */
  public static final String PREPROCESSOR = "preprocessor.json";

  /** The model directory's name. */
  public static final String MODEL = "model";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

  private final Path path;
  private final CheckpointMetadata metadata;
  private volatile Preprocessor preprocessor;

  private Checkpoint(Path path, CheckpointMetadata metadata) {
    this.path = path;
    this.metadata = metadata;
  }

  /** Starts a new checkpoint of a model in {@code framework}'s native format. */
  public static Builder builder(String framework) {
    return new Builder(framework);
  }

  /**
   * A checkpoint of a model saved by its framework's own library (a booster saved by plain
   * XGBoost4J, say), with no preprocessor: the file goes under {@code model/} as it is named.
   */
  public static Checkpoint fromModel(String framework, Path modelFile) {
    Objects.requireNonNull(modelFile, "modelFile");
    try {
      return builder(framework)
          .modelFile(modelFile.getFileName().toString(), Files.readAllBytes(modelFile))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model " + modelFile + ": " + e, e);
    }
  }

  /**
   * Loads the checkpoint at a local path or URI, checking every file.
   *
   * @throws InvalidCheckpointException naming the missing or bad file
   */
  public static Checkpoint fromDirectory(String uri) {
    Objects.requireNonNull(uri, "uri");
    URI parsed = toUri(uri);
    if (isLocal(parsed)) {
      return load(localPath(uri, parsed), uri);
    }
    try {
      return TemporaryDirectories.fill(
          local -> {
            storageFor(parsed).download(parsed, local);
            return load(local, uri);
          });
    } catch (IOException e) {
      throw new InvalidCheckpointException("cannot read the checkpoint at " + uri + ": " + e, e);
    }
  }

  /**
   * Writes this checkpoint to a local path or URI, atomically, replacing what was there.
   *
   * @return the checkpoint as written
   */
  public Checkpoint toDirectory(String uri) {
    Objects.requireNonNull(uri, "uri");
    URI parsed = toUri(uri);
    try {
      if (isLocal(parsed)) {
        Path target = localPath(uri, parsed).toAbsolutePath().normalize();
        if (target.equals(path.toAbsolutePath().normalize())) {
          return this;
        }
        writeLocal(path, target);
        return new Checkpoint(target, metadata);
      }
      storageFor(parsed).upload(path, parsed);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint to " + uri + ": " + e, e);
    }
  }

  /**
   * Every file of the checkpoint by relative path, {@code metadata.json} included: the form in
   * which a checkpoint travels to executors (Ray's {@code to_dict}).
   */
  public Map<String, byte[]> toFiles() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        files.put(path.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint at " + path + ": " + e, e);
    }
    return files;
  }

  /**
   * A checkpoint from the files {@link #toFiles()} gave, written to a new local directory and
   * checked as {@link #fromDirectory} checks.
   *
   * @throws InvalidCheckpointException when the files are not a whole checkpoint
   */
  public static Checkpoint fromFiles(Map<String, byte[]> files) {
    Objects.requireNonNull(files, "files");
    try {
      return TemporaryDirectories.fill(
          dir -> {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
              Path target = dir.resolve(file.getKey()).normalize();
              if (!target.startsWith(dir)) {
                throw new InvalidCheckpointException(
                    "checkpoint file " + file.getKey() + " lies outside the checkpoint");
              }
              Files.createDirectories(target.getParent());
              Files.write(target, file.getValue());
            }
            Files.createDirectories(dir.resolve(MODEL));
            return load(dir, "(files)");
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint: " + e, e);
    }
  }

  /** A new checkpoint of the same model and metrics, with {@code preprocessor} saved in it. */
  public Checkpoint withPreprocessor(Preprocessor preprocessor) {
    Objects.requireNonNull(preprocessor, "preprocessor");
    return builder(metadata.framework())
        .metrics(metadata.metrics())
        .modelDirectory(modelDirectory())
        .preprocessor(preprocessor)
        .build();
  }

  /**
   * Deletes this checkpoint's local directory when it is a temporary one (a checkpoint built,
   * received with {@link #fromFiles} or downloaded from a remote URI); leaves a directory it was
   * loaded from alone. The checkpoint cannot be read afterwards; closing twice does nothing.
   */
  @Override
  public void close() {
    TemporaryDirectories.delete(path);
  }

  /** Whether {@link #close()} deletes this checkpoint's directory. */
  public boolean isTemporary() {
    return TemporaryDirectories.contains(path);
  }

  /** The local directory holding this checkpoint. */
  public Path path() {
    return path;
  }

  /** The local directory holding the model in its framework's native format. */
  public Path modelDirectory() {
    return path.resolve(MODEL);
  }

  /**
   * Checks that this checkpoint holds a model of {@code framework}.
   *
   * @param library the framework's name for the message, e.g. {@code XGBoost}
   * @throws IllegalArgumentException naming the framework it holds instead
   */
  public Checkpoint requireFramework(String framework, String library) {
    if (!framework.equals(metadata.framework())) {
      throw new IllegalArgumentException(
          "checkpoint "
              + path
              + " holds a "
              + metadata.framework()
              + " model; "
              + library
              + " cannot read it");
    }
    return this;
  }

  /** What {@code metadata.json} records. */
  public CheckpointMetadata getMetadata() {
    return metadata;
  }

  /** The fitted preprocessor saved with the model, or null when there is none. */
  public Preprocessor getPreprocessor() {
    if (metadata.preprocessorType() == null) {
      return null;
    }
    Preprocessor loaded = preprocessor;
    if (loaded == null) {
      try {
        loaded =
            Preprocessors.fromJson(
                Files.readString(path.resolve(PREPROCESSOR), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new InvalidCheckpointException(
            "checkpoint at " + path + ": cannot read " + PREPROCESSOR + ": " + e, e);
      }
      preprocessor = loaded;
    }
    return loaded;
  }

  @Override
  public String toString() {
    return "Checkpoint(" + metadata.framework() + ", " + path + ")";
  }

  /** Builds a new checkpoint in a fresh local directory. */
  public static final class Builder {
    private final String framework;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final Map<String, byte[]> modelFiles = new LinkedHashMap<>();
    private Path modelDirectory;
    private Preprocessor preprocessor;

    private Builder(String framework) {
      if (framework == null || framework.isBlank()) {
        throw new IllegalArgumentException(
            "a checkpoint needs a framework name, got '" + framework + "'");
      }
      this.framework = framework;
    }

    /** The fitted preprocessor to save with the model. */
    public Builder preprocessor(Preprocessor preprocessor) {
      this.preprocessor = preprocessor;
      return this;
    }

    /** Metrics to record with the model. */
    public Builder metrics(Map<String, ?> metrics) {
      this.metrics.putAll(Objects.requireNonNull(metrics, "metrics"));
      return this;
    }

    /** A file of the model, at {@code name} (a relative path) under {@code model/}. */
    public Builder modelFile(String name, byte[] content) {
      Objects.requireNonNull(content, "content");
      Path relative = Paths.get(name).normalize();
      if (relative.isAbsolute() || relative.startsWith("..") || name.isBlank()) {
        throw new IllegalArgumentException(
            "a model file needs a relative name inside model/, " + "got '" + name + "'");
      }
      modelFiles.put(relative.toString(), content.clone());
      return this;
    }

    /** Copies every file under a local directory into {@code model/}. */
    public Builder modelDirectory(Path directory) {
      if (!Files.isDirectory(directory)) {
        throw new IllegalArgumentException("model directory " + directory + " does not exist");
      }
      this.modelDirectory = directory;
      return this;
    }

    /** Writes the checkpoint into a new local directory. */
    public Checkpoint build() {
      if (preprocessor != null && !preprocessor.isFitted()) {
        throw new IllegalArgumentException(
            "the preprocessor "
                + preprocessor
                + " is not fitted; fit it before saving it in a checkpoint");
      }
      try {
        return TemporaryDirectories.fill(
            dir -> {
              Path model = Files.createDirectories(dir.resolve(MODEL));
              if (modelDirectory != null) {
                copyTree(modelDirectory, model);
              }
              for (Map.Entry<String, byte[]> file : modelFiles.entrySet()) {
                Path target = model.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
              }
              if (preprocessor != null) {
                Files.writeString(
                    dir.resolve(PREPROCESSOR),
                    Preprocessors.toJson(preprocessor),
                    StandardCharsets.UTF_8);
              }
              CheckpointMetadata metadata =
                  new CheckpointMetadata(
                      framework,
                      Instant.now(),
                      metrics,
                      preprocessor == null ? null : preprocessor.getClass().getSimpleName(),
                      digests(dir));
              JSON.writerWithDefaultPrettyPrinter()
                  .writeValue(dir.resolve(METADATA).toFile(), metadata);
              return new Checkpoint(dir, metadata);
            });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a checkpoint: " + e, e);
      }
    }
  }

  private static Checkpoint load(Path dir, String shownAs) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidCheckpointException(
          "no checkpoint at " + shownAs + ": the directory does not exist");
    }
    Path meta = dir.resolve(METADATA);
    if (!Files.isRegularFile(meta)) {
      throw new InvalidCheckpointException(
          "checkpoint at "
              + shownAs
              + ": "
              + METADATA
              + " is missing (an incomplete or interrupted write?)");
    }
    CheckpointMetadata metadata;
    try {
      metadata = JSON.readValue(meta.toFile(), CheckpointMetadata.class);
    } catch (IOException e) {
      throw new InvalidCheckpointException(
          "checkpoint at " + shownAs + ": " + METADATA + " cannot be read: " + e.getMessage(), e);
    }
    if (metadata.formatVersion() > FORMAT_VERSION) {
      throw new InvalidCheckpointException(
          "checkpoint at "
              + shownAs
              + " has format version "
              + metadata.formatVersion()
              + ", newer than this Spark AIR reads ("
              + FORMAT_VERSION
              + ")");
    }
    if (!Files.isDirectory(dir.resolve(MODEL))) {
      throw new InvalidCheckpointException(
          "checkpoint at " + shownAs + ": " + MODEL + "/ is missing");
    }
    if (metadata.preprocessorType() != null && !metadata.files().containsKey(PREPROCESSOR)) {
      throw new InvalidCheckpointException(
          "checkpoint at "
              + shownAs
              + ": "
              + METADATA
              + " names a preprocessor but lists no "
              + PREPROCESSOR);
    }
    for (Map.Entry<String, CheckpointMetadata.FileDigest> file : metadata.files().entrySet()) {
      check(dir, shownAs, file.getKey(), file.getValue());
    }
    return new Checkpoint(dir, metadata);
  }

  private static void check(
      Path dir, String shownAs, String name, CheckpointMetadata.FileDigest expected) {
    Path file = dir.resolve(name);
    try {
      long size = Files.size(file);
      if (size != expected.size()) {
        throw new InvalidCheckpointException(
            "checkpoint at "
                + shownAs
                + ": "
                + name
                + " has "
                + size
                + " bytes, "
                + expected.size()
                + " were written (truncated or changed)");
      }
      if (!sha256(file).equals(expected.sha256())) {
        throw new InvalidCheckpointException(
            "checkpoint at "
                + shownAs
                + ": "
                + name
                + " does not match the SHA-256 recorded when it was written (changed since)");
      }
    } catch (NoSuchFileException e) {
      throw new InvalidCheckpointException(
          "checkpoint at " + shownAs + ": " + name + " is missing", e);
    } catch (IOException e) {
      throw new InvalidCheckpointException(
          "checkpoint at " + shownAs + ": " + name + " cannot be read: " + e, e);
    }
  }

  /** Copies a checkpoint to a temporary sibling of {@code target}, then renames it there. */
  private static void writeLocal(Path source, Path target) throws IOException {
    Path parent = target.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String name = target.getFileName().toString();
    Path temporary = target.resolveSibling("." + name + ".tmp-" + UUID.randomUUID());
    copyTree(source, temporary);
    if (Files.exists(target)) {
      Path old = target.resolveSibling("." + name + ".old-" + UUID.randomUUID());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      TemporaryDirectories.deleteTree(old);
    } else {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Copies a directory tree, writing {@code metadata.json} last. */
  static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    files.sort(
        (a, b) ->
            Boolean.compare(
                a.endsWith(METADATA) && a.getParent().equals(from),
                b.endsWith(METADATA) && b.getParent().equals(from)));
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path dir : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
      }
    }
  }

  private static Map<String, CheckpointMetadata.FileDigest> digests(Path dir) throws IOException {
    Map<String, CheckpointMetadata.FileDigest> digests = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    for (Path file : files) {
      String name = dir.relativize(file).toString().replace('\\', '/');
      if (!name.equals(METADATA)) {
        digests.put(name, new CheckpointMetadata.FileDigest(Files.size(file), sha256(file)));
      }
    }
    return digests;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static URI toUri(String uri) {
    try {
      return URI.create(uri);
    } catch (IllegalArgumentException e) {
      return Paths.get(uri).toUri();
    }
  }

  private static boolean isLocal(URI uri) {
    return uri.getScheme() == null
        || uri.getScheme().equals("file")
        || uri.getScheme().length() == 1;
  }

  private static Path localPath(String text, URI uri) {
    return "file".equals(uri.getScheme()) ? Paths.get(uri) : Paths.get(text);
  }

  private static CheckpointStorage storageFor(URI uri) {
    try {
      for (CheckpointStorage storage :
          ServiceLoader.load(CheckpointStorage.class, Checkpoint.class.getClassLoader())) {
        if (storage.handles(uri)) {
          return storage;
        }
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new IllegalArgumentException(
          "no checkpoint storage for "
              + uri
              + " on this classpath (Hadoop's FileSystem is needed for scheme '"
              + uri.getScheme()
              + "'): "
              + e,
          e);
    }
    throw new IllegalArgumentException(
        "no checkpoint storage handles "
            + uri
            + "; is a Hadoop FileSystem for scheme '"
            + uri.getScheme()
            + "' on the classpath?");
  }
}
