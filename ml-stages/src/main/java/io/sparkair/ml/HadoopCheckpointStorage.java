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
package io.sparkair.ml;

import io.sparkair.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Checkpoints on any Hadoop FileSystem ({@code hdfs:}, {@code s3a:} when its client is on the
 * classpath, ...), configured as the active (or default) Spark session's Hadoop configuration.
 */
public final class HadoopCheckpointStorage implements CheckpointStorage {

  @Override
  public boolean handles(URI uri) {
    if (uri.getScheme() == null) {
      return false;
    }
    try {
      FileSystem.getFileSystemClass(uri.getScheme(), configuration());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void upload(java.nio.file.Path checkpoint, URI target) throws IOException {
    Path destination = new Path(target);
    FileSystem fs = destination.getFileSystem(configuration());
    Path parent = destination.getParent();
    String name = destination.getName();
    Path temporary = new Path(parent, "." + name + ".tmp-" + UUID.randomUUID());
    fs.copyFromLocalFile(false, true, new Path(checkpoint.toUri()), temporary);
    if (fs.exists(destination)) {
      Path old = new Path(parent, "." + name + ".old-" + UUID.randomUUID());
      rename(fs, destination, old);
      rename(fs, temporary, destination);
      fs.delete(old, true);
    } else {
      rename(fs, temporary, destination);
    }
  }

  @Override
  public void download(URI source, java.nio.file.Path directory) throws IOException {
    Path from = new Path(source);
    FileSystem fs = from.getFileSystem(configuration());
    if (!fs.exists(from)) {
      throw new IOException("no checkpoint at " + source + ": the directory does not exist");
    }
    Files.deleteIfExists(directory);
    fs.copyToLocalFile(false, from, new Path(directory.toUri()), true);
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  private static Configuration configuration() {
    Option<SparkSession> session = SparkSession.getActiveSession();
    if (session.isEmpty()) {
      session = SparkSession.getDefaultSession();
    }
    return session.isDefined()
        ? session.get().sparkContext().hadoopConfiguration()
        : new Configuration();
  }
}
