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

import java.util.Map;

/**
 * A separate JVM that builds a large checkpoint, says READY, then writes it to the path in its
 * first argument; the atomicity test kills it mid-write.
 */
public final class CheckpointWriter {
  private CheckpointWriter() {}

  public static void main(String[] args) {
    Checkpoint.Builder builder = Checkpoint.builder("test").metrics(Map.of("step", 1));
    byte[] chunk = new byte[1 << 20];
    for (int i = 0; i < 400; i++) {
      chunk[0] = (byte) i;
      builder.modelFile("part-" + i + ".bin", chunk);
    }
    Checkpoint checkpoint = builder.build();
    System.out.println("READY");
    System.out.flush();
    checkpoint.toDirectory(args[0]);
    System.out.println("DONE");
  }
}
