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

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where checkpoints live beyond the local disk (HDFS, S3, ...): found with {@link
 * java.util.ServiceLoader} for URIs whose scheme is not {@code file}. Spark AIR's {@code
 * io.sparkair.ml} registers one for every Hadoop FileSystem.
 */
public interface CheckpointStorage {
  /** Whether this storage reads and writes {@code uri}. */
  boolean handles(URI uri);

  /**
   * Copies a complete local checkpoint directory to {@code target}, so that the target never looks
   * complete before the copy is: written under a temporary name, then renamed. An existing
   * checkpoint at {@code target} is replaced.
   */
  void upload(Path checkpoint, URI target) throws IOException;

  /** Copies the checkpoint directory at {@code source} into the empty local {@code directory}. */
  void download(URI source, Path directory) throws IOException;
}
