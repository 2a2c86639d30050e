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

import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.sparkair.runtime.actor.ActorDiedException;
import io.sparkair.runtime.actor.RemoteActorException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's side of one long-lived stream to another runtime. Calls go out as frames on that
 * stream; replies come back on it and complete the callers' futures.
 */
public final class Peer {
  private static final Logger LOG = LoggerFactory.getLogger(Peer.class);

  private final String address;
  private final JavaSerializer java;
  private final FunctionCodec functions;
  private final int maxMessageBytes;

  /** Null only while the constructor runs, when the stream may already report it failed. */
  private final StreamObserver<byte[]> requests;

  /** Null only while the constructor runs, when the stream may already report it failed. */
  private final FrameWriter writer;

  private final AtomicLong callIds = new AtomicLong();
  private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Consumer<Peer> onLost;
  private volatile boolean lost;

  /** Why the stream broke; set before {@link #lost}. */
  private volatile Throwable lostCause;

  private record Pending(CompletableFuture<Object> future, CallTarget target) {}

  /**
   * A peer on a stream that {@code connect} opens: given the observer of the replies, it returns
   * the observer the calls are written to.
   */
  Peer(
      String address,
      Function<StreamObserver<byte[]>, StreamObserver<byte[]>> connect,
      JavaSerializer java,
      FunctionCodec functions,
      java.util.concurrent.Executor writerExecutor,
      int maxMessageBytes,
      Consumer<Peer> onLost) {
    this.address = address;
    this.java = java;
    this.functions = functions;
    this.maxMessageBytes = maxMessageBytes;
    this.onLost = onLost;
    this.requests = connect.apply(new Replies());
    this.writer = new FrameWriter(requests, writerExecutor, maxMessageBytes);
  }

  /** The gRPC stream of {@code channel}, as {@link #Peer}'s {@code connect}. */
  static Function<StreamObserver<byte[]>, StreamObserver<byte[]>> overGrpc(ManagedChannel channel) {
    return replies ->
        ClientCalls.asyncBidiStreamingCall(
            channel.newCall(RuntimeService.CONNECT, io.grpc.CallOptions.DEFAULT), replies);
  }

  /** The remote runtime's address, host:port. */
  public String address() {
    return address;
  }

  /** True once the stream broke; a lost peer fails every call. */
  public boolean isLost() {
    return lost;
  }

  /**
   * Sends a call.
   *
   * @param target the remote actor
   * @param fn the function to run in its mailbox
   * @param arg the argument, or {@link Invocation#NO_ARG}
   * @param future completed with the result; null for a call that expects no reply
   */
  public void send(CallTarget target, Object fn, Object arg, CompletableFuture<Object> future) {
    if (lost) {
      if (future != null) {
        future.completeExceptionally(lostError(target));
      }
      return;
    }
    FunctionCodec.Info info = functions.info(fn);
    byte[] fnBytes = info.reusable() ? info.bytes() : java.serialize(fn);
    Wire.Out argBytes = new Wire.Out(32);
    boolean hasArg = arg != Invocation.NO_ARG;
    if (hasArg) {
      Wire.value(argBytes, arg, java);
    }
    int size = fnBytes.length + argBytes.size() + 32;
    if (size > maxMessageBytes) {
      throw new RemoteCallException(
          "call to "
              + target.actorDescription()
              + " is "
              + size
              + " bytes, over the limit of "
              + maxMessageBytes
              + " bytes (spark.air.rpc.maxMessageBytes); put large data in the object store");
    }
    long callId = 0;
    boolean idle = pending.isEmpty();
    if (future != null) {
      callId = callIds.incrementAndGet();
      pending.put(callId, new Pending(future, target));
    }
    writer.send(new OutCall(callId, target, fn, info, fnBytes, hasArg, argBytes), idle);
    if (lost && future != null && pending.remove(callId) != null) {
      future.completeExceptionally(lostError(target));
    }
  }

  /** Closes the stream; pending calls fail. */
  public void close() {
    markLost(new RemoteCallException("runtime is shutting down"), false);
  }

  private void markLost(Throwable cause, boolean notify) {
    if (lost) {
      return;
    }
    lostCause = cause;
    lost = true;
    if (writer != null) {
      writer.close(cause);
    }
    if (requests != null) {
      try {
        requests.onError(cause);
      } catch (RuntimeException e) {
        LOG.debug("closing the stream to {}: {}", address, e.toString());
      }
    }
    for (Map.Entry<Long, Pending> e : pending.entrySet()) {
      if (pending.remove(e.getKey()) != null) {
        e.getValue().future.completeExceptionally(lostError(e.getValue().target));
      }
    }
    if (notify) {
      onLost.accept(this);
    }
  }

  /**
   * The failure of a call to {@code target} on the lost stream: refused when the other runtime
   * refused the secret (even when the stream broke before the call was sent), else the actor died.
   */
  private RuntimeException lostError(CallTarget target) {
    Throwable cause = lostCause;
    if (cause instanceof io.grpc.StatusRuntimeException s
        && s.getStatus().getCode() == io.grpc.Status.Code.UNAUTHENTICATED) {
      return new RemoteCallException(
          address
              + " refused the call: "
              + cause.getMessage()
              + " (is this runtime started with the application's secret?)");
    }
    return died(target, "connection to " + address + " was lost: " + cause);
  }

  private static ActorDiedException died(CallTarget target, String reason) {
    return new ActorDiedException(target.actorDescription(), target.node(), reason);
  }

  private final class OutCall implements Outgoing {
    private final long callId;
    private final CallTarget target;
    private final Object fn;
    private final FunctionCodec.Info info;
    private final byte[] fnBytes;
    private final boolean hasArg;
    private final Wire.Out arg;

    OutCall(
        long callId,
        CallTarget target,
        Object fn,
        FunctionCodec.Info info,
        byte[] fnBytes,
        boolean hasArg,
        Wire.Out arg) {
      this.callId = callId;
      this.target = target;
      this.fn = fn;
      this.info = info;
      this.fnBytes = fnBytes;
      this.hasArg = hasArg;
      this.arg = arg;
    }

    @Override
    public void writeTo(Wire.Out frame, Map<Class<?>, Integer> defined) {
      int fnId = -1;
      if (info.reusable()) {
        Integer id = defined.get(fn.getClass());
        if (id == null) {
          id = defined.size();
          defined.put(fn.getClass(), id);
          frame.b(Wire.DEFINE).i(id).bytes(fnBytes);
        }
        fnId = id;
      }
      frame.b(Wire.CALL).l(callId).l(target.actorId()).i(fnId);
      if (fnId < 0) {
        frame.bytes(fnBytes);
      }
      frame.b((byte) (hasArg ? 1 : 0));
      if (hasArg) {
        frame.raw(arg.array(), 0, arg.size());
      }
    }

    @Override
    public void fail(Throwable cause) {
      Pending p = pending.remove(callId);
      if (p != null) {
        p.future.completeExceptionally(cause);
      }
    }
  }

  private final class Replies implements StreamObserver<byte[]> {
    @Override
    public void onNext(byte[] bytes) {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      while (in.hasRemaining()) {
        byte kind = in.get();
        long callId = in.getLong();
        Pending p = pending.remove(callId);
        try {
          if (kind == Wire.REPLY) {
            Object value = Wire.value(in, java);
            if (p != null) {
              p.future.complete(value);
            }
          } else if (kind == Wire.ERROR) {
            Throwable error = readError(in, p == null ? null : p.target);
            if (p != null) {
              p.future.completeExceptionally(error);
            }
          } else {
            throw new IllegalStateException("corrupt reply frame: kind " + kind);
          }
        } catch (Exception e) {
          if (p != null) {
            p.future.completeExceptionally(
                new RemoteCallException("cannot decode the reply from " + address, e));
          }
          if (e instanceof IllegalStateException) {
            markLost(e, true);
            return;
          }
        }
      }
    }

    @Override
    public void onError(Throwable t) {
      LOG.debug("stream to {} failed", address, t);
      markLost(t, true);
    }

    @Override
    public void onCompleted() {
      markLost(new RemoteCallException("remote runtime closed the stream"), true);
    }
  }

  private Throwable readError(ByteBuffer in, CallTarget target) {
    byte kind = in.get();
    String className = Wire.str(in);
    String message = Wire.str(in);
    String stack = Wire.str(in);
    byte[] serialized = Wire.bytes(in);
    if (kind == Wire.ERR_DIED) {
      return new ActorDiedException(
          target == null ? "?" : target.actorDescription(),
          target == null ? "?" : target.node(),
          message);
    }
    if (serialized.length > 0) {
      try {
        return (Throwable) java.deserialize(serialized);
      } catch (Exception e) {
        LOG.debug("cannot deserialize remote {}; passing it on as text", className, e);
      }
    }
    return new RemoteActorException(className, message, stack);
  }
}
