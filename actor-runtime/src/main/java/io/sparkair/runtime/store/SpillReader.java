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
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Reads a spilled block's file one record batch at a time; each batch returned is the caller's to
 * close. Closing the reader closes the file.
 */
final class SpillReader implements Iterator<ArrowRecordBatch>, AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final ArrowFileReader reader;
  private final List<ArrowBlock> blocks;
  private int next;

  SpillReader(Path file, BufferAllocator allocator) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      this.reader = new ArrowFileReader(channel, allocator);
      this.blocks = reader.getRecordBlocks();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    return next < blocks.size();
  }

  @Override
  public ArrowRecordBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no batch after " + blocks.size() + " in " + file);
    }
    try {
      reader.loadRecordBatch(blocks.get(next++));
      return new VectorUnloader(reader.getVectorSchemaRoot()).getRecordBatch();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read batch " + next + " of " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      channel.close();
    }
  }
}
