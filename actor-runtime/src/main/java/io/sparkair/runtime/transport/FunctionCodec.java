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
package io.sparkair.runtime.transport;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, once per class, whether a call's function can be serialized once and reused: a lambda or
 * method reference that captures nothing always serializes to the same bytes.
 */
final class FunctionCodec {
  /** The encoding of one function class; {@code bytes} is set only when it is reusable. */
  record Info(boolean reusable, byte[] bytes) {}

  private static final Info CAPTURING = new Info(false, null);

  private final JavaSerializer java;
  private final ConcurrentHashMap<Class<?>, Info> infos = new ConcurrentHashMap<>();

  FunctionCodec(JavaSerializer java) {
    this.java = java;
  }

  Info info(Object fn) {
    Info info = infos.get(fn.getClass());
    if (info == null) {
      info = analyze(fn);
      infos.putIfAbsent(fn.getClass(), info);
    }
    return info;
  }

  private Info analyze(Object fn) {
    Class<?> c = fn.getClass();
    if (!c.isSynthetic()) {
      return CAPTURING;
    }
    try {
      Method writeReplace = c.getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      Object replaced = writeReplace.invoke(fn);
      if (replaced instanceof SerializedLambda lambda && lambda.getCapturedArgCount() == 0) {
        return new Info(true, java.serialize(fn));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return CAPTURING;
    }
    return CAPTURING;
  }
}
