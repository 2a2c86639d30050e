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
package io.sparkair.tune;

import io.sparkair.train.RunStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/**
 * Experiments as Spark AIR 0.1.0 saved them: the whole {@link Experiment}, search space, searcher
 * and scheduler included, Java-serialized to {@code tuner.state}. Read so that such an experiment
 * can be restored, and written only to go on saving an experiment read from one; experiments this
 * version starts are saved by {@link ExperimentState}.
 */
final class LegacyExperimentState {
  private LegacyExperimentState() {}

  /**
   * Saves {@code experiment} to {@code dir/tuner.state}. An experiment with a part that cannot be
   * serialized is not saved.
   *
   * @return why it could not be saved, or null when it was
   */
  static String save(Experiment experiment, String dir, Configuration hadoop) {
    byte[] bytes;
    synchronized (experiment) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
        out.writeObject(experiment);
      } catch (NotSerializableException e) {
        return e.getMessage() + " is not serializable";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes = buffer.toByteArray();
    }
    RunStorage.write(dir + "/" + Experiment.STATE_FILE, bytes, hadoop);
    return null;
  }

  /** Whether {@code dir} holds an experiment saved by 0.1.0. */
  static boolean exists(String dir, Configuration hadoop) {
    return RunStorage.exists(dir + "/" + Experiment.STATE_FILE, hadoop);
  }

  /**
   * Loads the experiment saved in {@code dir/tuner.state}, resolving classes through the thread's
   * context class loader (the application's).
   *
   * @throws IllegalArgumentException when {@code dir} holds no such file
   */
  static Experiment load(String dir, Configuration hadoop) {
    byte[] saved = RunStorage.readIfExists(dir + "/" + Experiment.STATE_FILE, hadoop);
    if (saved == null) {
      throw new IllegalArgumentException("no experiment to restore at " + dir);
    }
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(saved))) {
      return (Experiment) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read the experiment saved in " + dir + ": " + e, e);
    }
  }

  /** Resolves classes through the thread's context class loader. */
  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        return super.resolveClass(desc);
      }
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
