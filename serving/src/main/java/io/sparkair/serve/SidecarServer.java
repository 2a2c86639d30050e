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
package io.sparkair.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ExchangeType;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.RoutingContext;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.prometheus.PrometheusExpositionService;
import io.sparkair.runtime.memory.Allocators;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving sidecar's server (Armeria): every deployment answers {@code POST} on its route
 * prefix, and the gRPC service {@code air.serve.v1.Predict} (see {@code predict.proto}) by its
 * name, on the same port; {@code GET /-/healthz}, {@code GET /-/routes} and {@code GET /metrics}
 * (Prometheus) report on it; {@code PUT}, {@code GET} and {@code DELETE /-/deployments/{name}}
 * manage deployments at run time with the admin token as a bearer token. The Open Inference
 * Protocol's REST routes ({@code /v2/...}, {@link OpenInferenceService}) and gRPC service ({@code
 * inference.GRPCInferenceService}) serve every deployment as a model of its name. With a TLS
 * certificate ({@link ServerConfig#setTlsCert}) the port speaks HTTPS and gRPC over TLS, and plain
 * HTTP for everything but the admin API.
 *
 * <p>Errors are JSON objects {@code {"error": "..."}}: 400 for a body the adapter or the model
 * cannot take (the message names the column), 404 for an unknown route, 413 for a body over the
 * size limit, 503 with {@code Retry-After} when a deployment's queue is full. There is no
 * server-side request timeout (as in Ray Serve): the queue bound sheds load instead, and clients
 * set their own deadlines. Closing the server stops taking connections, waits for the requests in
 * flight, then stops the deployments.
 *
 * <p>The class is long because it wires every route of the sidecar (predict, admin, health,
 * metrics, gRPC, the Open Inference Protocol, TLS) in one place, so a reader sees the whole
 * surface; request parsing lives in {@code HttpAdapters}, {@code ColumnBatch} and {@code
 * InferJson}, answers in {@code HttpAnswers}.
 */
public final class SidecarServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SidecarServer.class);
  private static final String ADMIN_PREFIX = "/-/deployments/";

  private final ServerConfig config;
  private final Server server;
  private final ServeMetrics metrics = new ServeMetrics();
  private final BufferAllocator allocator = Allocators.child("SidecarServer");
  private final Map<String, Deployment> byName = new ConcurrentHashMap<>();
  private final Map<String, Deployment> byRoute = new ConcurrentHashMap<>();
  private final ServedModels models = new ServedModels(byName::get, byName::values);
  private final ScheduledExecutorService autoscaler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "air-serve-autoscaler");
            t.setDaemon(true);
            return t;
          });

  private SidecarServer(ServerConfig config) {
    this.config = config;
    OpenInferenceService openInference = new OpenInferenceService(models, metrics);
    this.server =
        listen(Server.builder(), config)
            .maxRequestLength(config.getMaxRequestBytes())
            .requestTimeout(Duration.ZERO)
            .disableServerHeader()
            .disableDateHeader()
            .gracefulShutdownTimeout(
                Duration.ofMillis(config.getShutdownQuietMs()), Duration.ofSeconds(30))
            .errorHandler(new JsonErrors())
            .service(
                "/-/healthz",
                (ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, "ok"))
            .service("/-/routes", (ctx, req) -> HttpAnswers.json(HttpStatus.OK, routes()))
            .service(
                "/metrics",
                PrometheusExpositionService.of(metrics.registry.getPrometheusRegistry()))
            .service(
                GrpcService.builder()
                    .addService(new GrpcPredictService(byName::get, metrics))
                    .addService(new OpenInferenceGrpcService(models, metrics))
                    .build())
            .serviceUnder(ADMIN_PREFIX, this::admin)
            .service("/v2", openInference)
            .serviceUnder("/v2/", openInference)
            .serviceUnder(
                "/",
                new HttpService() {
                  @Override
                  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
                    return predict(ctx, req);
                  }

                  @Override
                  public ExchangeType exchangeType(RoutingContext routingContext) {
                    return ExchangeType.UNARY;
                  }
                })
            .build();
  }

  /**
   * The server's port: plain HTTP, or with TLS both HTTPS and HTTP (told apart by the first bytes
   * of a connection) with the configured certificate.
   */
  private static ServerBuilder listen(ServerBuilder builder, ServerConfig config) {
    InetSocketAddress address = new InetSocketAddress(config.getHost(), config.getPort());
    if (!config.tlsOn()) {
      return builder.http(address);
    }
    try {
      return builder
          .port(address, SessionProtocol.HTTPS, SessionProtocol.HTTP)
          .tls(new File(config.getTlsCert()), new File(config.getTlsKey()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "cannot serve TLS with "
              + config.getTlsCert()
              + " and "
              + config.getTlsKey()
              + " (PEM files, the key PKCS#8 'BEGIN PRIVATE KEY'): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Starts a server and its configured deployments.
   *
   * @throws IllegalArgumentException when a deployment's configuration or checkpoint is wrong
   */
  public static SidecarServer start(ServerConfig config) {
    SidecarServer sidecar = new SidecarServer(Objects.requireNonNull(config, "config"));
    try {
      config.getDeployments().forEach(sidecar::deploy);
    } catch (RuntimeException e) {
      sidecar.close();
      throw e;
    }
    sidecar.server.start().join();
    sidecar.autoscaler.scheduleWithFixedDelay(sidecar::autoscale, 100, 100, TimeUnit.MILLISECONDS);
    LOG.info("air-serve listening on {}:{}", config.getHost(), sidecar.port());
    return sidecar;
  }

  /** The port the server listens on. */
  public int port() {
    return server.activeLocalPort();
  }

  /**
   * Starts a deployment, or hot-swaps the one of the same name to {@code deployment}.
   *
   * @throws IllegalArgumentException when the configuration or checkpoint is wrong, or the route
   *     belongs to another deployment
   */
  public synchronized void deploy(DeploymentConfig deployment) {
    deployment.validate();
    Deployment other = byRoute.get(deployment.getRoutePrefix());
    if (other != null && !other.name().equals(deployment.getName())) {
      throw new IllegalArgumentException(
          "route " + deployment.getRoutePrefix() + " belongs to " + "deployment " + other.name());
    }
    Deployment existing = byName.get(deployment.getName());
    if (existing == null) {
      Deployment started = Deployment.start(deployment, allocator, metrics);
      byName.put(started.name(), started);
      byRoute.put(deployment.getRoutePrefix(), started);
      metrics.watch(started);
      return;
    }
    String oldRoute = existing.config().getRoutePrefix();
    existing.update(deployment);
    if (!oldRoute.equals(deployment.getRoutePrefix())) {
      byRoute.put(deployment.getRoutePrefix(), existing);
      byRoute.remove(oldRoute);
    }
  }

  /** Removes a deployment after answering its queued requests; false when there is none. */
  public boolean remove(String name) {
    Deployment removed;
    synchronized (this) {
      removed = byName.remove(name);
      if (removed == null) {
        return false;
      }
      byRoute.remove(removed.config().getRoutePrefix());
    }
    metrics.unwatch(removed);
    models.forget(removed);
    removed.close();
    return true;
  }

  private void autoscale() {
    long now = System.currentTimeMillis();
    for (Deployment d : byName.values()) {
      try {
        d.autoscale(now);
      } catch (RuntimeException e) {
        LOG.warn("autoscaling {} failed: {}", d.name(), e.toString());
      }
    }
  }

  private HttpResponse predict(ServiceRequestContext ctx, HttpRequest req) {
    String path = ctx.path();
    Deployment deployment =
        byRoute.get(
            path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    if (deployment == null) {
      return HttpAnswers.error(
          HttpStatus.NOT_FOUND,
          "no deployment at " + path + "; the routes are " + new TreeMap<>(byRoute).keySet());
    }
    if (req.method() != HttpMethod.POST) {
      return HttpAnswers.error(HttpStatus.METHOD_NOT_ALLOWED, "POST rows to " + path);
    }
    long start = System.nanoTime();
    HttpAdapter adapter = deployment.adapter();
    return HttpAnswers.counted(
        req.aggregate()
            .thenCompose(
                body ->
                    deployment
                        .submit(JsonBodies.read(body, "JSON rows", adapter::read))
                        .thenApplyAsync(
                            predictions ->
                                JsonBodies.ok(
                                    64 + predictions.rowCount() * 48,
                                    out -> adapter.write(predictions, out)),
                            ctx.eventLoop())),
        metrics,
        deployment.name(),
        start);
  }

  private HttpResponse admin(ServiceRequestContext ctx, HttpRequest req) {
    if (config.getAdminToken() == null) {
      return HttpAnswers.error(
          HttpStatus.FORBIDDEN, "the admin API is off; start air-serve with " + "--admin-token");
    }
    if (config.tlsOn() && !ctx.sessionProtocol().isTls()) {
      return HttpAnswers.error(
          HttpStatus.FORBIDDEN,
          "the admin API takes https when air-serve serves TLS; its token does not go in clear");
    }
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (auth == null || !constantTimeEquals(auth, "Bearer " + config.getAdminToken())) {
      return HttpAnswers.error(
          HttpStatus.UNAUTHORIZED,
          "the admin API needs 'Authorization: Bearer " + "<admin token>'");
    }
    String name = ctx.path().substring(ADMIN_PREFIX.length());
    if (req.method() == HttpMethod.GET) {
      Deployment d = byName.get(name);
      return d == null
          ? HttpAnswers.error(HttpStatus.NOT_FOUND, "no deployment named " + name)
          : HttpAnswers.json(HttpStatus.OK, ConfigMapper.JSON.valueToTree(d.config()));
    }
    if (req.method() == HttpMethod.DELETE) {
      return HttpResponse.of(
          CompletableFuture.supplyAsync(
              () ->
                  remove(name)
                      ? HttpAnswers.json(HttpStatus.OK, status("removed", name))
                      : HttpAnswers.error(HttpStatus.NOT_FOUND, "no deployment named " + name),
              ctx.blockingTaskExecutor()));
    }
    if (req.method() != HttpMethod.PUT) {
      return HttpAnswers.error(
          HttpStatus.METHOD_NOT_ALLOWED, "PUT, GET or DELETE " + ADMIN_PREFIX + name);
    }
    return HttpResponse.of(
        req.aggregate()
            .thenApplyAsync(
                body -> {
                  DeploymentConfig deployment;
                  try {
                    deployment =
                        ConfigMapper.JSON.readValue(body.content().array(), DeploymentConfig.class);
                  } catch (IOException e) {
                    return HttpAnswers.error(
                        HttpStatus.BAD_REQUEST,
                        "not a deployment configuration: "
                            + (e instanceof JsonProcessingException
                                ? ((JsonProcessingException) e).getOriginalMessage()
                                : e.toString()));
                  }
                  if (deployment.getName() == null) {
                    deployment.setName(name);
                  } else if (!deployment.getName().equals(name)) {
                    return HttpAnswers.error(
                        HttpStatus.BAD_REQUEST,
                        "the body names deployment "
                            + deployment.getName()
                            + " but the path names "
                            + name);
                  }
                  try {
                    deploy(deployment);
                  } catch (IllegalArgumentException e) {
                    return HttpAnswers.error(HttpStatus.BAD_REQUEST, e.getMessage());
                  }
                  return HttpAnswers.json(
                      HttpStatus.OK,
                      status("deployed", name).put("route", deployment.getRoutePrefix()));
                },
                ctx.blockingTaskExecutor()));
  }

  /** Statuses the server answers by itself (413 for a body over the limit, ...) as JSON. */
  private static final class JsonErrors implements ServerErrorHandler {
    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
      return null;
    }

    @Override
    public AggregatedHttpResponse renderStatus(
        ServiceRequestContext ctx,
        ServiceConfig config,
        RequestHeaders headers,
        HttpStatus status,
        String description,
        Throwable cause) {
      String message =
          status == HttpStatus.REQUEST_ENTITY_TOO_LARGE
              ? "the body is larger than the server's limit (maxRequestBytes)"
              : description != null ? description : status.reasonPhrase();
      return HttpAnswers.errorBody(status, message);
    }
  }

  private static ObjectNode status(String what, String name) {
    return ConfigMapper.JSON.createObjectNode().put("status", what).put("name", name);
  }

  private ObjectNode routes() {
    ObjectNode routes = ConfigMapper.JSON.createObjectNode();
    new TreeMap<>(byRoute)
        .forEach(
            (route, d) ->
                routes
                    .putObject(route)
                    .put("name", d.name())
                    .put("checkpoint", d.config().getCheckpoint())
                    .put("predictor", d.predictorClass())
                    .put("replicas", d.replicaCount()));
    return routes;
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Stops taking connections, waits for the requests in flight (the configured quiet period, at
   * most 30 s), then stops every deployment.
   */
  @Override
  public void close() {
    server.stop().join();
    autoscaler.shutdownNow();
    for (String name : new ArrayList<>(byName.keySet())) {
      remove(name);
    }
    allocator.close();
  }
}
