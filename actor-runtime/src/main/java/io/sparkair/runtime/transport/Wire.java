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

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of frames on a runtime stream. A frame holds one or more messages; a value is a
 * type tag followed by its bytes, with Java serialization only for types the tags do not cover.
 */
final class Wire {
  static final byte DEFINE = 1;
  static final byte CALL = 2;
  static final byte REPLY = 3;
  static final byte ERROR = 4;

  static final byte ERR_EXCEPTION = 1;
  static final byte ERR_DIED = 2;

  private static final byte T_NULL = 0;
  private static final byte T_INT = 1;
  private static final byte T_LONG = 2;
  private static final byte T_DOUBLE = 3;
  private static final byte T_BOOL = 4;
  private static final byte T_STRING = 5;
  private static final byte T_BYTES = 6;
  private static final byte T_JAVA = 7;
  private static final byte T_FLOAT = 8;

  private Wire() {}

  /** A growable little buffer; cheaper than DataOutputStream over ByteArrayOutputStream. */
  static final class Out {
    private byte[] buf;
    private int pos;

    Out(int capacity) {
      buf = new byte[capacity];
    }

    private void ensure(int extra) {
      if (pos + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
      }
    }

    Out b(byte v) {
      ensure(1);
      buf[pos++] = v;
      return this;
    }

    Out i(int v) {
      ensure(4);
      buf[pos++] = (byte) (v >>> 24);
      buf[pos++] = (byte) (v >>> 16);
      buf[pos++] = (byte) (v >>> 8);
      buf[pos++] = (byte) v;
      return this;
    }

    Out l(long v) {
      i((int) (v >>> 32));
      return i((int) v);
    }

    Out bytes(byte[] v) {
      i(v.length);
      return raw(v, 0, v.length);
    }

    Out raw(byte[] v, int off, int len) {
      ensure(len);
      System.arraycopy(v, off, buf, pos, len);
      pos += len;
      return this;
    }

    Out str(String v) {
      return bytes(v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8));
    }

    int size() {
      return pos;
    }

    byte[] array() {
      return buf;
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, pos);
    }

    void reset() {
      pos = 0;
    }
  }

  static void value(Out out, Object v, JavaSerializer java) {
    if (v == null) {
      out.b(T_NULL);
    } else if (v instanceof Integer x) {
      out.b(T_INT).i(x);
    } else if (v instanceof Long x) {
      out.b(T_LONG).l(x);
    } else if (v instanceof Double x) {
      out.b(T_DOUBLE).l(Double.doubleToRawLongBits(x));
    } else if (v instanceof Float x) {
      out.b(T_FLOAT).i(Float.floatToRawIntBits(x));
    } else if (v instanceof Boolean x) {
      out.b(T_BOOL).b((byte) (x ? 1 : 0));
    } else if (v instanceof String x) {
      out.b(T_STRING).str(x);
    } else if (v instanceof byte[] x) {
      out.b(T_BYTES).bytes(x);
    } else {
      out.b(T_JAVA).bytes(java.serialize(v));
    }
  }

  static Object value(ByteBuffer in, JavaSerializer java) throws Exception {
    byte tag = in.get();
    switch (tag) {
      case T_NULL:
        return null;
      case T_INT:
        return in.getInt();
      case T_LONG:
        return in.getLong();
      case T_DOUBLE:
        return in.getDouble();
      case T_FLOAT:
        return in.getFloat();
      case T_BOOL:
        return in.get() != 0;
      case T_STRING:
        return new String(bytes(in), StandardCharsets.UTF_8);
      case T_BYTES:
        return bytes(in);
      case T_JAVA:
        return java.deserialize(bytes(in));
      default:
        throw new IllegalStateException("corrupt frame: unknown value tag " + tag);
    }
  }

  static byte[] bytes(ByteBuffer in) {
    byte[] v = new byte[in.getInt()];
    in.get(v);
    return v;
  }

  static String str(ByteBuffer in) {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  static String stackTrace(Throwable t) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (java.io.PrintStream p = new java.io.PrintStream(text, true, StandardCharsets.UTF_8)) {
      t.printStackTrace(p);
    }
    return text.toString(StandardCharsets.UTF_8);
  }
}
