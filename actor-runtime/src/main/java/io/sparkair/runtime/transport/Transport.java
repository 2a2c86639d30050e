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

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gRPC server per runtime, carrying the actor-call stream and any other services (Arrow Flight)
 * on one port, plus the client channels and streams to other runtimes. Every call in either
 * direction carries the application's secret.
 */
public final class Transport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

  /** HTTP/2 flow-control window: large enough that block transfers are not window-bound. */
  private static final int FLOW_CONTROL_WINDOW = 16 << 20;

  /**
   * Netty's default (32/64 KiB) lets HTTP/2 write only 64 KiB per pass before waiting for the
   * socket to drain, which caps block transfers far below the network's speed.
   */
  private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);

  /** How long opening a call connection to another runtime may take. */
  private static final long CONNECT_SECONDS = 10;

  private final Secret secret;
  private final int maxMessageBytes;
  private final JavaSerializer java;
  private final FunctionCodec functions;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ExecutorService writer;
  private final CallListener calls;
  private final Server server;
  private final String address;
  private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Peer> peers = new ConcurrentHashMap<>();
  private final Consumer<Peer> onPeerLost;
  private volatile boolean closed;

  /**
   * Starts the server.
   *
   * @param bindHost the address to listen on
   * @param advertisedHost the host other runtimes use to reach this one
   * @param port the port, 0 for any free one
   * @param callPort the port of the actor-call connections, 0 for any free one
   * @param secret the application's secret
   * @param maxMessageBytes the largest call or reply accepted
   * @param dispatcher receives incoming calls
   * @param services more services to serve on the same port, behind the same secret
   * @param onPeerLost told when a stream to another runtime breaks
   */
  public Transport(
      String bindHost,
      String advertisedHost,
      int port,
      int callPort,
      Secret secret,
      int maxMessageBytes,
      Dispatcher dispatcher,
      List<BindableService> services,
      Consumer<Peer> onPeerLost) {
    this.secret = secret;
    this.maxMessageBytes = maxMessageBytes;
    this.onPeerLost = onPeerLost;
    this.java = new JavaSerializer(dispatcher.classLoader());
    this.functions = new FunctionCodec(java);
    this.boss = newGroup(1, "air-rpc-accept");
    this.workers = newGroup(2, "air-rpc");
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "air-rpc-writer");
              t.setDaemon(true);
              return t;
            });
    Function<StreamObserver<byte[]>, StreamObserver<byte[]>> inbound =
        RuntimeService.inbound(dispatcher, java, writer, maxMessageBytes);
    // a frame packs queued calls until it reaches the limit, so it may hold one more call's bytes
    this.calls = new CallListener(bindHost, callPort, secret, 2 * maxMessageBytes + 1024, inbound);
    AuthInterceptor auth = new AuthInterceptor(secret);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port))
            .bossEventLoopGroup(boss)
            .workerEventLoopGroup(workers)
            .channelType(EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
            .directExecutor()
            .flowControlWindow(FLOW_CONTROL_WINDOW)
            .withChildOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .maxInboundMessageSize(maxMessageBytes + 1024)
            .addService(
                ServerInterceptors.intercept(
                    RuntimeService.definition(inbound, calls.port()), auth));
    for (BindableService service : services) {
      builder.addService(ServerInterceptors.intercept(service, auth));
    }
    try {
      this.server = builder.build().start();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot listen on " + bindHost + ":" + port, e);
    }
    this.address = advertisedHost + ":" + server.getPort();
    LOG.info("runtime transport listening on {} (bound to {})", address, bindHost);
  }

  /** Netty's native epoll transport where the platform has it; NIO elsewhere. */
  private static final boolean EPOLL = Epoll.isAvailable();

  private static EventLoopGroup newGroup(int threads, String name) {
    DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
    return EPOLL
        ? new EpollEventLoopGroup(threads, factory)
        : new NioEventLoopGroup(threads, factory);
  }

  /** The address other runtimes reach this one at, host:port. */
  public String address() {
    return address;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** Java serialization with the runtime's class loader. */
  public JavaSerializer serializer() {
    return java;
  }

  /** The authenticated channel to another runtime, shared by calls and Flight. */
  public ManagedChannel channel(String address) {
    if (closed) {
      throw new IllegalStateException("the runtime transport is closed");
    }
    return channels.computeIfAbsent(address, this::openChannel);
  }

  /** The call stream to another runtime; a new one replaces a stream that broke. */
  public Peer peer(String address) {
    Peer peer = peers.get(address);
    if (peer != null && !peer.isLost()) {
      return peer;
    }
    synchronized (peers) {
      peer = peers.get(address);
      if (peer == null || peer.isLost()) {
        peer =
            new Peer(
                address, connect(address), java, functions, writer, maxMessageBytes, this::lost);
        peers.put(address, peer);
      }
      return peer;
    }
  }

  /**
   * How calls reach {@code address}: a {@link FramedSocket} to its call listener, or the gRPC
   * stream when the runtime does not tell where that listens (it then also refuses a wrong secret,
   * as a refused stream).
   */
  private Function<StreamObserver<byte[]>, StreamObserver<byte[]>> connect(String address) {
    ManagedChannel channel = channel(address);
    FramedSocket socket;
    try {
      byte[] port =
          ClientCalls.blockingUnaryCall(
              channel,
              RuntimeService.CALL_PORT,
              CallOptions.DEFAULT.withDeadlineAfter(CONNECT_SECONDS, TimeUnit.SECONDS),
              new byte[0]);
      String host = address.substring(0, address.lastIndexOf(':'));
      Socket raw = new Socket();
      raw.connect(
          new InetSocketAddress(host, ByteBuffer.wrap(port).getInt()),
          (int) TimeUnit.SECONDS.toMillis(CONNECT_SECONDS));
      socket = FramedSocket.connect(raw, secret, Integer.MAX_VALUE);
    } catch (StatusRuntimeException | IOException e) {
      LOG.debug("calls to {} go over gRPC: {}", address, e.toString());
      return Peer.overGrpc(channel);
    }
    return replies -> {
      socket.readInto(replies, "air-call-replies-" + address);
      return socket;
    };
  }

  private void lost(Peer peer) {
    if (!closed) {
      onPeerLost.accept(peer);
    }
  }

  private ManagedChannel openChannel(String address) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a host:port address: '" + address + "'");
    }
    Metadata headers = new Metadata();
    headers.put(Secret.HEADER, secret.value());
    return NettyChannelBuilder.forAddress(
            address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)))
        .usePlaintext()
        .eventLoopGroup(workers)
        .channelType(EPOLL ? EpollSocketChannel.class : NioSocketChannel.class)
        .directExecutor()
        .flowControlWindow(FLOW_CONTROL_WINDOW)
        .withOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
        .maxInboundMessageSize(Integer.MAX_VALUE)
        .intercept(MetadataUtils.newAttachHeadersInterceptor(headers))
        .build();
  }

  @Override
  public void close() {
    closed = true;
    peers.values().forEach(Peer::close);
    peers.clear();
    if (calls != null) {
      calls.close();
    }
    channels.values().forEach(ManagedChannel::shutdownNow);
    if (server != null) {
      server.shutdownNow();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (ManagedChannel c : channels.values()) {
      try {
        c.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    channels.clear();
    writer.shutdownNow();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
