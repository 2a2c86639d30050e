package io.sparkair.train.dl;

import ai.djl.engine.Engine;

/**
 * DJL's settings for training in an executor: offline (the native library comes from the
 * {@code pytorch-native-cpu} jar, nothing is downloaded), and PyTorch's intra- and inter-op
 * threads set to the worker's cores unless the JVM already says otherwise. They take effect
 * when the engine first loads in the JVM, which happens here, once, under a lock: workers
 * sharing an executor must not load the native library at the same time.
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
