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
package io.sparkair.train.dl;

import ai.djl.engine.Engine;

/**
 * DJL's settings for training in an executor: offline (the native library comes from the {@code
 * pytorch-native-cpu} jar, nothing is downloaded), and PyTorch's intra- and inter-op threads set to
 * the worker's cores unless the JVM already says otherwise. They take effect when the engine first
 * loads in the JVM, which happens here, once, under a lock: workers sharing an executor must not
 * load the native library at the same time.
 */
final class DjlEngine {
  private DjlEngine() {}

  static synchronized void prepare(int cpus) {
    int threads = Math.max(1, cpus);
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
    }
    Engine.getEngine("PyTorch");
  }
}
