package io.sparkair.checkpoint;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where checkpoints live beyond the local disk (HDFS, S3, ...): found with
 * {@link java.util.ServiceLoader} for URIs whose scheme is not {@code file}. Spark AIR's
 * {@code io.sparkair.ml} registers one for every Hadoop FileSystem.
 */
public interface CheckpointStorage {
  /** Whether this storage reads and writes {@code uri}. */
  boolean handles(URI uri);

  /**
   * Copies a complete local checkpoint directory to {@code target}, so that the target never
   * looks complete before the copy is: written under a temporary name, then renamed. An
   * existing checkpoint at {@code target} is replaced.
   */
  void upload(Path checkpoint, URI target) throws IOException;

  /** Copies the checkpoint directory at {@code source} into the empty local {@code directory}. */
  void download(URI source, Path directory) throws IOException;
}
