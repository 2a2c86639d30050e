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

import io.grpc.stub.StreamObserver;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A TCP connection carrying the actor-call stream as length-prefixed frames, without HTTP/2: the
 * thread that has a frame to send writes it to the socket itself, and one reader thread per
 * connection hands the frames that arrive to a {@link StreamObserver}. It opens with a challenge:
 * the accepting side sends a random nonce, the connecting side answers with its HMAC under the
 * application's secret.
 */
final class FramedSocket implements StreamObserver<byte[]> {
  private static final int NONCE_BYTES = 32;
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;
  private final int maxFrameBytes;

  private FramedSocket(Socket socket, int maxFrameBytes) throws IOException {
    this.socket = socket;
    this.maxFrameBytes = maxFrameBytes;
    socket.setTcpNoDelay(true);
    this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
  }

  /** The connecting side: answers the other side's challenge. */
  static FramedSocket connect(Socket socket, Secret secret, int maxFrameBytes) throws IOException {
    FramedSocket s = new FramedSocket(socket, maxFrameBytes);
    socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
    byte[] nonce = new byte[NONCE_BYTES];
    s.in.readFully(nonce);
    s.out.write(proof(secret, nonce));
    s.out.flush();
    socket.setSoTimeout(0);
    return s;
  }

  /**
   * The accepting side: challenges the other side.
   *
   * @throws IOException when it does not prove that it holds the secret
   */
  static FramedSocket accept(Socket socket, Secret secret, int maxFrameBytes) throws IOException {
    FramedSocket s = new FramedSocket(socket, maxFrameBytes);
    socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
    byte[] nonce = new byte[NONCE_BYTES];
    new SecureRandom().nextBytes(nonce);
    s.out.write(nonce);
    s.out.flush();
    byte[] answer = new byte[32];
    s.in.readFully(answer);
    if (!MessageDigest.isEqual(answer, proof(secret, nonce))) {
      throw new IOException("missing or wrong Spark AIR secret");
    }
    socket.setSoTimeout(0);
    return s;
  }

  private static byte[] proof(Secret secret, byte[] nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return mac.doFinal(nonce);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Hands every frame that arrives to {@code frames} on a daemon thread of its own. */
  void readInto(StreamObserver<byte[]> frames, String threadName) {
    Thread reader = new Thread(() -> read(frames), threadName);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Hands every frame that arrives to {@code frames} on this thread, then its end ({@code
   * onCompleted}) or failure ({@code onError}); closes the socket.
   */
  void read(StreamObserver<byte[]> frames) {
    try {
      while (true) {
        int length;
        try {
          length = in.readInt();
        } catch (EOFException e) {
          frames.onCompleted();
          return;
        }
        if (length < 0 || length > maxFrameBytes) {
          throw new IOException("a frame of " + length + " bytes, over the limit");
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        frames.onNext(frame);
      }
    } catch (IOException | RuntimeException e) {
      frames.onError(e);
    } finally {
      close();
    }
  }

  /** Writes one frame on the calling thread. */
  @Override
  public void onNext(byte[] frame) {
    synchronized (out) {
      try {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
      } catch (IOException e) {
        close();
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    close();
  }

  @Override
  public void onCompleted() {
    close();
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
