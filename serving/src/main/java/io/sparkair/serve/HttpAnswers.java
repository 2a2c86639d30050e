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
import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar's JSON answers over HTTP: a body with its status, and an error as {@code {"error":
 * "..."}} with the status its exception means.
 */
final class HttpAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(HttpAnswers.class);

  private HttpAnswers() {}

  /**
   * The answer to a request that failed with {@code thrown}: 400 for input the adapter or model
   * cannot take, 413 for a body over the limit, 503 (with {@code Retry-After} when a queue is full)
   * when the deployment cannot take it now, 500 otherwise.
   */
  static AggregatedHttpResponse failure(Throwable thrown) {
    Throwable e =
        thrown instanceof CompletionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    if (e instanceof BadRequestException) {
      return errorBody(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    if (e instanceof ContentTooLargeException) {
      return errorBody(
          HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "the body is larger than the " + "server's limit (maxRequestBytes)");
    }
    if (e instanceof OverloadedException) {
      return AggregatedHttpResponse.of(
          ResponseHeaders.builder(HttpStatus.SERVICE_UNAVAILABLE)
              .contentType(MediaType.JSON_UTF_8)
              .add(HttpHeaderNames.RETRY_AFTER, "1")
              .build(),
          HttpData.wrap(errorJson(e.getMessage())));
    }
    if (e instanceof IllegalStateException) {
      return errorBody(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
    LOG.warn("a request failed: {}", e.toString());
    return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(e));
  }

  /**
   * The response of a request answered by {@code answer} (a failure answered as {@link #failure}
   * says), its status and time since {@code start} counted in deployment {@code name}'s metrics.
   */
  static HttpResponse counted(
      CompletableFuture<AggregatedHttpResponse> answer,
      ServeMetrics metrics,
      String name,
      long start) {
    return HttpResponse.of(
        answer
            .exceptionally(HttpAnswers::failure)
            .thenApply(
                r -> {
                  metrics.request(name, r.status().code(), System.nanoTime() - start);
                  return r.toHttpResponse();
                }));
  }

  static HttpResponse json(HttpStatus status, JsonNode body) {
    try {
      return HttpResponse.of(
          status, MediaType.JSON_UTF_8, ConfigMapper.JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse error(HttpStatus status, String message) {
    return errorBody(status, message).toHttpResponse();
  }

  static AggregatedHttpResponse errorBody(HttpStatus status, String message) {
    return AggregatedHttpResponse.of(status, MediaType.JSON_UTF_8, errorJson(message));
  }

  static byte[] errorJson(String message) {
    try {
      return ConfigMapper.JSON.writeValueAsBytes(
          ConfigMapper.JSON.createObjectNode().put("error", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
