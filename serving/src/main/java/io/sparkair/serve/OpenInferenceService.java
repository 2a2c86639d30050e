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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.ExchangeType;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.RoutingContext;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The Open Inference Protocol's REST routes (KServe's v2), beside the sidecar's own: every
 * deployment is a model of its name.
 *
 * <ul>
 *   <li>{@code GET /v2/health/live}, {@code GET /v2/health/ready}: {@code {"live": true}}, {@code
 *       {"ready": true}} (503 with {@code false} while a deployment has no replica);
 *   <li>{@code GET /v2}: the server's name and version;
 *   <li>{@code GET /v2/models/{name}}: the model's inputs and outputs with datatype and shape;
 *   <li>{@code GET /v2/models/{name}/ready}: {@code {"name": ..., "ready": true}};
 *   <li>{@code POST /v2/models/{name}/infer}: the protocol's JSON tensors in and out.
 * </ul>
 *
 * Errors are the protocol's {@code {"error": "..."}}: 400 for a request the model cannot take, 404
 * for an unknown model or route.
 */
final class OpenInferenceService implements HttpService {
  private static final String MODELS = "/v2/models/";

  private final ServedModels models;
  private final ServeMetrics metrics;

  OpenInferenceService(ServedModels models, ServeMetrics metrics) {
    this.models = models;
    this.metrics = metrics;
  }

  @Override
  public ExchangeType exchangeType(RoutingContext routingContext) {
    return ExchangeType.UNARY;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    String path = ctx.path();
    HttpMethod method = req.method();
    if (path.equals("/v2") || path.equals("/v2/")) {
      return get(method, path, () -> server());
    }
    if (path.equals("/v2/health/live")) {
      return get(method, path, () -> object().put("live", true));
    }
    if (path.equals("/v2/health/ready")) {
      boolean ready = models.allReady();
      return method == HttpMethod.GET
          ? HttpAnswers.json(
              ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, object().put("ready", ready))
          : notAllowed("GET", path);
    }
    if (!path.startsWith(MODELS) || path.length() == MODELS.length()) {
      return HttpAnswers.error(
          HttpStatus.NOT_FOUND,
          "no route "
              + path
              + "; the protocol's are /v2, /v2/health/live, /v2/health/ready, /v2/models/{name},"
              + " /v2/models/{name}/ready and /v2/models/{name}/infer");
    }
    String rest = path.substring(MODELS.length());
    int slash = rest.indexOf('/');
    String name = slash < 0 ? rest : rest.substring(0, slash);
    String action = slash < 0 ? "" : rest.substring(slash + 1);
    Deployment deployment = models.find(name);
    if (deployment == null) {
      return HttpAnswers.error(HttpStatus.NOT_FOUND, models.unknown(name));
    }
    switch (action) {
      case "":
        return method == HttpMethod.GET
            ? HttpResponse.of(
                metadata(deployment).thenApply(m -> HttpAnswers.json(HttpStatus.OK, m)))
            : notAllowed("GET", path);
      case "ready":
        return method == HttpMethod.GET
            ? HttpAnswers.json(
                deployment.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE,
                object().put("name", name).put("ready", deployment.ready()))
            : notAllowed("GET", path);
      case "infer":
        return method == HttpMethod.POST ? infer(ctx, req, deployment) : notAllowed("POST", path);
      default:
        return HttpAnswers.error(
            HttpStatus.NOT_FOUND,
            "no route " + path + "; a model has /v2/models/" + name + ", /ready and /infer");
    }
  }

  private HttpResponse infer(ServiceRequestContext ctx, HttpRequest req, Deployment deployment) {
    long start = System.nanoTime();
    String name = deployment.name();
    return HttpAnswers.counted(
        req.aggregate()
            .thenCompose(
                body -> {
                  InferJson.Request request =
                      JsonBodies.read(body, "{\"inputs\": [...]}", InferJson::read);
                  return deployment
                      .submit(request.rows())
                      .thenApplyAsync(
                          rows ->
                              JsonBodies.ok(
                                  128 + rows.rowCount() * 48,
                                  out ->
                                      InferJson.write(
                                          out, name, request.id(), rows, request.outputs())),
                          ctx.eventLoop());
                }),
        metrics,
        name,
        start);
  }

  private CompletableFuture<ObjectNode> metadata(Deployment deployment) {
    return models
        .describe(deployment)
        .thenApply(
            d -> {
              ObjectNode metadata = object().put("name", d.name()).put("platform", d.platform());
              metadata.putArray("versions");
              tensors(metadata.putArray("inputs"), d.inputs());
              tensors(metadata.putArray("outputs"), d.outputs());
              return metadata;
            });
  }

  private static void tensors(ArrayNode into, List<ModelDescriptions.Tensor> tensors) {
    for (ModelDescriptions.Tensor t : tensors) {
      ArrayNode shape =
          into.addObject().put("name", t.name()).put("datatype", t.datatype()).putArray("shape");
      for (long d : t.shape()) {
        shape.add(d);
      }
    }
  }

  private ObjectNode server() {
    ObjectNode server = object().put("name", "air-serve");
    String version = OpenInferenceService.class.getPackage().getImplementationVersion();
    server.put("version", version == null ? "dev" : version);
    server.putArray("extensions");
    return server;
  }

  private static ObjectNode object() {
    return ConfigMapper.JSON.createObjectNode();
  }

  private static HttpResponse get(HttpMethod method, String path, Supplier<ObjectNode> body) {
    return method == HttpMethod.GET
        ? HttpAnswers.json(HttpStatus.OK, body.get())
        : notAllowed("GET", path);
  }

  private static HttpResponse notAllowed(String method, String path) {
    return HttpAnswers.error(HttpStatus.METHOD_NOT_ALLOWED, method + " " + path);
  }
}
