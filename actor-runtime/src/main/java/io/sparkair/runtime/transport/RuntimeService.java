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

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gRPC service that carries actor calls: one bidirectional stream per calling runtime. */
final class RuntimeService {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeService.class);

  static final MethodDescriptor<byte[], byte[]> CONNECT =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
          .setFullMethodName("sparkair.Runtime/Connect")
          .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
          .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
          .build();

  /** Answers with the port of the runtime's {@link CallListener}, as 4 bytes. */
  static final MethodDescriptor<byte[], byte[]> CALL_PORT =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("sparkair.Runtime/CallPort")
          .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
          .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
          .build();

  private RuntimeService() {}

  /** Given the stream replies go to, the observer of the calls that arrive on a stream. */
  static Function<StreamObserver<byte[]>, StreamObserver<byte[]>> inbound(
      Dispatcher dispatcher, JavaSerializer java, Executor writer, int maxMessageBytes) {
    return replies -> new InboundStream(dispatcher, java, replies, writer, maxMessageBytes);
  }

  /** The service: the call stream over gRPC, and where the runtime's call listener is. */
  static ServerServiceDefinition definition(
      Function<StreamObserver<byte[]>, StreamObserver<byte[]>> inbound, int callPort) {
    byte[] port = ByteBuffer.allocate(4).putInt(callPort).array();
    return ServerServiceDefinition.builder("sparkair.Runtime")
        .addMethod(CONNECT, ServerCalls.asyncBidiStreamingCall(inbound::apply))
        .addMethod(
            CALL_PORT,
            ServerCalls.asyncUnaryCall(
                (request, answer) -> {
                  answer.onNext(port);
                  answer.onCompleted();
                }))
        .build();
  }

  /** The callee's side of one stream: decodes calls, dispatches them, writes replies. */
  private static final class InboundStream implements StreamObserver<byte[]> {
    private final Dispatcher dispatcher;
    private final JavaSerializer java;
    private final FrameWriter writer;
    private final int maxMessageBytes;
    private final Map<Integer, Object> functions = new HashMap<>();

    InboundStream(
        Dispatcher dispatcher,
        JavaSerializer java,
        StreamObserver<byte[]> replies,
        Executor writerExecutor,
        int maxMessageBytes) {
      this.dispatcher = dispatcher;
      this.java = java;
      this.maxMessageBytes = maxMessageBytes;
      this.writer = new FrameWriter(replies, writerExecutor, maxMessageBytes);
    }

    @Override
    public void onNext(byte[] bytes) {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      while (in.hasRemaining()) {
        byte kind = in.get();
        if (kind == Wire.DEFINE) {
          int id = in.getInt();
          byte[] fn = Wire.bytes(in);
          try {
            functions.put(id, java.deserialize(fn));
          } catch (Exception e) {
            functions.put(id, new UndecodableFunction(e));
          }
        } else if (kind == Wire.CALL) {
          readCall(in);
        } else {
          LOG.error("corrupt frame from a peer (kind {}); closing the stream", kind);
          writer.close(new RemoteCallException("corrupt frame"));
          return;
        }
      }
    }

    private void readCall(ByteBuffer in) {
      long callId = in.getLong();
      long actorId = in.getLong();
      int fnId = in.getInt();
      Object fn;
      Throwable decodeError = null;
      if (fnId >= 0) {
        fn = functions.get(fnId);
        if (fn instanceof UndecodableFunction u) {
          decodeError = u.cause;
        }
      } else {
        byte[] fnBytes = Wire.bytes(in);
        try {
          fn = java.deserialize(fnBytes);
        } catch (Exception e) {
          fn = null;
          decodeError = e;
        }
      }
      Object arg = Invocation.NO_ARG;
      if (in.get() != 0) {
        try {
          arg = Wire.value(in, java);
        } catch (Exception e) {
          decodeError = decodeError == null ? e : decodeError;
        }
      }
      StreamReply reply = callId == 0 ? null : new StreamReply(callId);
      if (decodeError != null) {
        RemoteCallException e =
            new RemoteCallException(
                "node " + dispatcher.nodeId() + " cannot decode the call: " + decodeError,
                decodeError);
        if (reply != null) {
          reply.fail(e, false);
        } else {
          LOG.warn("dropped a one-way call that cannot be decoded", e);
        }
        return;
      }
      dispatcher.dispatch(actorId, fn, arg, reply);
    }

    @Override
    public void onError(Throwable t) {
      writer.close(t);
    }

    @Override
    public void onCompleted() {
      writer.close(new RemoteCallException("caller closed the stream"));
    }

    private final class StreamReply implements Reply {
      private final long callId;

      StreamReply(long callId) {
        this.callId = callId;
      }

      @Override
      public void ok(Object value, boolean more) {
        Wire.Out out = new Wire.Out(32);
        try {
          out.b(Wire.REPLY).l(callId);
          Wire.value(out, value, java);
        } catch (RuntimeException e) {
          fail(e, more);
          return;
        }
        if (out.size() > maxMessageBytes) {
          fail(
              new RemoteCallException(
                  "result of "
                      + out.size()
                      + " bytes is over the limit of "
                      + maxMessageBytes
                      + " bytes; put large data in the object store"),
              more);
          return;
        }
        writer.send(new Encoded(out), !more);
      }

      @Override
      public void fail(Throwable error, boolean more) {
        byte[] serialized;
        try {
          serialized = java.serialize(error);
        } catch (RuntimeException e) {
          serialized = new byte[0];
        }
        Wire.Out out = new Wire.Out(256);
        out.b(Wire.ERROR)
            .l(callId)
            .b(Wire.ERR_EXCEPTION)
            .str(error.getClass().getName())
            .str(String.valueOf(error.getMessage()))
            .str(Wire.stackTrace(error))
            .bytes(serialized);
        writer.send(new Encoded(out), !more);
      }

      @Override
      public void died(String reason) {
        Wire.Out out = new Wire.Out(64);
        out.b(Wire.ERROR).l(callId).b(Wire.ERR_DIED).str("").str(reason).str("").bytes(new byte[0]);
        writer.send(new Encoded(out), true);
      }
    }
  }

  private record Encoded(Wire.Out bytes) implements Outgoing {
    @Override
    public void writeTo(Wire.Out frame, Map<Class<?>, Integer> defined) {
      frame.raw(bytes.array(), 0, bytes.size());
    }

    @Override
    public void fail(Throwable cause) {
      LOG.debug("reply dropped: {}", cause.toString());
    }
  }

  private record UndecodableFunction(Exception cause) {}
}
