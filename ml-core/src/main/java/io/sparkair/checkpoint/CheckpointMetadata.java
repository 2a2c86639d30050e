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

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a checkpoint's {@code metadata.json} records: the framework whose native format {@code
 * model/} holds, the format version, when it was made, the metrics reported with it, the type of
 * its preprocessor, and the size and SHA-256 of every file (how a truncated or changed checkpoint
 * is recognised).
 */
public final class CheckpointMetadata {
  /** The size and SHA-256 digest of one file of a checkpoint. */
  public static final class FileDigest {
    private long size;
    private String sha256;

    private FileDigest() {}

    FileDigest(long size, String sha256) {
      this.size = size;
      this.sha256 = sha256;
    }

    /** The file's length in bytes. */
    public long size() {
      return size;
    }

    /** The file's SHA-256, in hex. */
    public String sha256() {
      return sha256;
    }
  }

  private int formatVersion;
  private String framework;
  private String created;
  private LinkedHashMap<String, Object> metrics = new LinkedHashMap<>();
  private String preprocessorType;
  private LinkedHashMap<String, FileDigest> files = new LinkedHashMap<>();

  private CheckpointMetadata() {}

  CheckpointMetadata(
      String framework,
      Instant created,
      Map<String, ?> metrics,
      String preprocessorType,
      Map<String, FileDigest> files) {
    this.formatVersion = Checkpoint.FORMAT_VERSION;
    this.framework = framework;
    this.created = created.toString();
    this.metrics = new LinkedHashMap<>(metrics);
    this.preprocessorType = preprocessorType;
    this.files = new LinkedHashMap<>(files);
  }

  /** The version of the checkpoint layout. */
  public int formatVersion() {
    return formatVersion;
  }

  /** The framework whose native format {@code model/} holds, e.g. {@code xgboost}. */
  public String framework() {
    return framework;
  }

  /** When the checkpoint was made. */
  public Instant created() {
    return Instant.parse(created);
  }

  /** The metrics reported with the checkpoint. */
  public Map<String, Object> metrics() {
    return Collections.unmodifiableMap(metrics);
  }

  /** The simple class name of the checkpoint's preprocessor, or null without one. */
  public String preprocessorType() {
    return preprocessorType;
  }

  /** Every file of the checkpoint but {@code metadata.json}, by relative path. */
  public Map<String, FileDigest> files() {
    return Collections.unmodifiableMap(files);
  }
}
