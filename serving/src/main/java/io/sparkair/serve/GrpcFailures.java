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

import io.grpc.Status;
import java.util.concurrent.CompletionException;

/** The gRPC status of a failed request, as the HTTP routes' status of the same failure. */
final class GrpcFailures {
  private GrpcFailures() {}

  /**
   * INVALID_ARGUMENT for input the model cannot take, RESOURCE_EXHAUSTED when the queue is full,
   * UNAVAILABLE when the deployment cannot take it now, INTERNAL otherwise; the description is the
   * failure's message.
   */
  static Status status(Throwable thrown) {
    Throwable e =
        thrown instanceof CompletionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    Status status;
    if (e instanceof BadRequestException) {
      status = Status.INVALID_ARGUMENT;
    } else if (e instanceof OverloadedException) {
      status = Status.RESOURCE_EXHAUSTED;
    } else if (e instanceof IllegalStateException) {
      status = Status.UNAVAILABLE;
    } else {
      status = Status.INTERNAL;
    }
    return status.withDescription(e.getMessage());
  }

  /** The HTTP status the metrics count a gRPC status as. */
  static int httpCode(Status status) {
    return switch (status.getCode()) {
      case OK -> 200;
      case INVALID_ARGUMENT -> 400;
      case NOT_FOUND -> 404;
      case RESOURCE_EXHAUSTED, UNAVAILABLE -> 503;
      default -> 500;
    };
  }
}
