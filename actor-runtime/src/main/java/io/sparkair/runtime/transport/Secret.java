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
