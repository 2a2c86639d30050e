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
package io.sparkair.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution in the kernel's own JVM, keeping the object each snippet evaluates to (JShell
 * itself only keeps its text), so that a cell's value can be shown as a table or a chart. Snippet
 * classes load in a class loader whose parent is the JVM's application class loader, which holds
 * Spark and Spark AIR; a cell runs with that loader as its thread's context class loader, so that a
 * local Spark session made in a cell deserializes the cells' lambdas in its tasks.
 *
 * <p>Each snippet class is also written, as a class file, under a directory that Spark serves to
 * executors as spark-shell's classes are (see {@link Cells}), so that executors in other JVMs load
 * the cells' classes too.
 */
final class KeptValues implements ExecutionControlProvider {
  private final Map<String, Object> values = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Path classDir;

  /** Keeps values, and writes snippet classes under {@code classDir}. */
  KeptValues(Path classDir) {
    this.classDir = classDir;
  }

  @Override
  public String name() {
    return "spark-air-kept-values";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return new LocalExecutionControl() {
      @Override
      public void load(ClassBytecodes[] classes)
          throws ClassInstallException, NotImplementedException, EngineTerminationException {
        for (ClassBytecodes c : classes) {
          write(c.name(), c.bytecodes());
        }
        super.load(classes);
      }

      @Override
      protected String invoke(Method doitMethod) throws Exception {
        Thread.currentThread()
            .setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        Object value = doitMethod.invoke(null);
        String id = "#value" + ids.incrementAndGet();
        if (value != null) {
          values.put(id, value);
        }
        return id;
      }
    };
  }

  private void write(String className, byte[] bytecodes) {
    Path file = classDir.resolve(className.replace('.', '/') + ".class");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytecodes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the class of a cell to " + file, e);
    }
  }

  /** The object of the snippet whose value JShell reported as {@code id}, forgotten once taken. */
  Object take(String id) {
    return id == null ? null : values.remove(id);
  }

  /** Forgets the values no cell showed. */
  void clear() {
    values.clear();
  }
}
