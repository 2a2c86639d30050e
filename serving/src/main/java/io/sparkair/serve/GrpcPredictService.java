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
import io.grpc.stub.StreamObserver;
import io.sparkair.serve.grpc.PredictGrpc;
import io.sparkair.serve.grpc.PredictRequest;
import io.sparkair.serve.grpc.PredictResponse;
import java.util.function.Function;

/** The {@code air.serve.v1.Predict} gRPC service over the sidecar's deployments. */
final class GrpcPredictService extends PredictGrpc.PredictImplBase {
  private final Function<String, Deployment> deployments;
  private final ServeMetrics metrics;

  /** A service that finds deployments by name with {@code deployments} (null: none). */
  GrpcPredictService(Function<String, Deployment> deployments, ServeMetrics metrics) {
    this.deployments = deployments;
    this.metrics = metrics;
  }

  @Override
  public void predict(PredictRequest request, StreamObserver<PredictResponse> answer) {
    long start = System.nanoTime();
    Deployment deployment = deployments.apply(request.getDeployment());
    if (deployment == null) {
      answer.onError(
          Status.NOT_FOUND
              .withDescription("no deployment named '" + request.getDeployment() + "'")
              .asRuntimeException());
      return;
    }
    try {
      deployment
          .submit(ProtoColumns.read(request.getColumnsList()))
          .whenComplete(
              (rows, e) -> {
                if (e == null) {
                  answer.onNext(
                      PredictResponse.newBuilder()
                          .addAllColumns(ProtoColumns.write(rows))
                          .setRowCount(rows.rowCount())
                          .build());
                  answer.onCompleted();
                  metrics.request(deployment.name(), 200, System.nanoTime() - start);
                } else {
                  fail(deployment, e, answer, start);
                }
              });
    } catch (RuntimeException e) {
      fail(deployment, e, answer, start);
    }
  }

  private void fail(
      Deployment deployment, Throwable thrown, StreamObserver<PredictResponse> answer, long start) {
    Status status = GrpcFailures.status(thrown);
    metrics.request(deployment.name(), GrpcFailures.httpCode(status), System.nanoTime() - start);
    answer.onError(status.asRuntimeException());
  }
}
