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

import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/** The application's shared secret: every runtime endpoint requires it on every call. */
public final class Secret {
  /** The gRPC header that carries the secret. */
  public static final Metadata.Key<String> HEADER =
      Metadata.Key.of("x-spark-air-secret", Metadata.ASCII_STRING_MARSHALLER);

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** A secret with the given text (for example Spark's {@code spark.authenticate.secret}). */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("secret must be printable ASCII (character " + i + ")");
      }
    }
    return new Secret(value);
  }

  /** A new random 256-bit secret. */
  public static Secret generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new Secret(HexFormat.of().formatHex(bytes));
  }

  /** The secret's text, to hand to other runtimes of the same application. */
  public String value() {
    return value;
  }

  /** Compares in constant time. */
  boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "Secret(****)";
  }
}
