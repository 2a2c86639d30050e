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
package io.sparkair.runtime.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes a block to an Arrow IPC file batch by batch: the form a spilled block takes on disk. The
 * caller keeps ownership of the batches it writes. Closing before {@link #finish} deletes the file.
 */
final class SpillWriter implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final VectorSchemaRoot root;
  private final VectorLoader loader;
  private final ArrowFileWriter writer;
  private long bytes;
  private long rows;
  private boolean finished;

  SpillWriter(Path file, Schema schema, BufferAllocator allocator) throws IOException {
    Files.createDirectories(file.getParent());
    this.file = file;
    this.channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    this.root = VectorSchemaRoot.create(schema, allocator);
    this.loader = new VectorLoader(root);
    this.writer = new ArrowFileWriter(root, null, channel);
    writer.start();
  }

  /** Appends one batch. */
  void write(ArrowRecordBatch batch) throws IOException {
    loader.load(batch);
    writer.writeBatch();
    bytes += ObjectStore.sizeOf(batch);
    rows += batch.getLength();
  }

  /** Ends the file; it then holds every batch written. */
  void finish() throws IOException {
    writer.end();
    finished = true;
  }

  /** The file written to. */
  Path file() {
    return file;
  }

  /** Bytes of the batches written, as they take in memory. */
  long bytes() {
    return bytes;
  }

  /** Rows written. */
  long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
      channel.close();
    } finally {
      root.close();
      if (!finished) {
        Files.deleteIfExists(file);
      }
    }
  }
}
