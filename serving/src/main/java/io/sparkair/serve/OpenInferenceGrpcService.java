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
import io.sparkair.serve.grpc.inference.GRPCInferenceServiceGrpc;
import io.sparkair.serve.grpc.inference.ModelInferRequest;
import io.sparkair.serve.grpc.inference.ModelInferResponse;
import io.sparkair.serve.grpc.inference.ModelMetadataRequest;
import io.sparkair.serve.grpc.inference.ModelMetadataResponse;
import io.sparkair.serve.grpc.inference.ModelReadyRequest;
import io.sparkair.serve.grpc.inference.ModelReadyResponse;
import io.sparkair.serve.grpc.inference.ServerLiveRequest;
import io.sparkair.serve.grpc.inference.ServerLiveResponse;
import io.sparkair.serve.grpc.inference.ServerMetadataRequest;
import io.sparkair.serve.grpc.inference.ServerMetadataResponse;
import io.sparkair.serve.grpc.inference.ServerReadyRequest;
import io.sparkair.serve.grpc.inference.ServerReadyResponse;
import java.util.List;

/**
 * The Open Inference Protocol's gRPC service {@code inference.GRPCInferenceService} over the
 * sidecar's deployments, each a model of its name: the same answers as {@link
 * OpenInferenceService}'s REST routes, with gRPC's statuses (NOT_FOUND for an unknown model,
 * INVALID_ARGUMENT for a request the model cannot take).
 */
final class OpenInferenceGrpcService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {
  private final ServedModels models;
  private final ServeMetrics metrics;

  OpenInferenceGrpcService(ServedModels models, ServeMetrics metrics) {
    this.models = models;
    this.metrics = metrics;
  }

  @Override
  public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> answer) {
    reply(answer, ServerLiveResponse.newBuilder().setLive(true).build());
  }

  @Override
  public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> answer) {
    boolean ready = models.allReady();
    reply(answer, ServerReadyResponse.newBuilder().setReady(ready).build());
  }

  @Override
  public void serverMetadata(
      ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> answer) {
    String version = OpenInferenceGrpcService.class.getPackage().getImplementationVersion();
    reply(
        answer,
        ServerMetadataResponse.newBuilder()
            .setName("air-serve")
            .setVersion(version == null ? "dev" : version)
            .build());
  }

  @Override
  public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> answer) {
    Deployment deployment = find(request.getName(), answer);
    if (deployment != null) {
      reply(answer, ModelReadyResponse.newBuilder().setReady(deployment.ready()).build());
    }
  }

  @Override
  public void modelMetadata(
      ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> answer) {
    Deployment deployment = find(request.getName(), answer);
    if (deployment == null) {
      return;
    }
    models
        .describe(deployment)
        .thenAccept(
            d -> {
              ModelMetadataResponse.Builder metadata =
                  ModelMetadataResponse.newBuilder().setName(d.name()).setPlatform(d.platform());
              d.inputs().forEach(t -> metadata.addInputs(tensor(t)));
              d.outputs().forEach(t -> metadata.addOutputs(tensor(t)));
              reply(answer, metadata.build());
            });
  }

  private static ModelMetadataResponse.TensorMetadata tensor(ModelDescriptions.Tensor t) {
    ModelMetadataResponse.TensorMetadata.Builder tensor =
        ModelMetadataResponse.TensorMetadata.newBuilder()
            .setName(t.name())
            .setDatatype(t.datatype());
    for (long d : t.shape()) {
      tensor.addShape(d);
    }
    return tensor.build();
  }

  @Override
  public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> answer) {
    long start = System.nanoTime();
    Deployment deployment = find(request.getModelName(), answer);
    if (deployment == null) {
      return;
    }
    List<String> requested =
        request.getOutputsList().stream()
            .map(ModelInferRequest.InferRequestedOutputTensor::getName)
            .toList();
    try {
      deployment
          .submit(InferProtos.read(request))
          .thenApply(rows -> InferProtos.write(deployment.name(), request.getId(), rows, requested))
          .whenComplete(
              (response, e) -> {
                if (e == null) {
                  metrics.request(deployment.name(), 200, System.nanoTime() - start);
                  reply(answer, response);
                } else {
                  fail(deployment, e, answer, start);
                }
              });
    } catch (RuntimeException e) {
      fail(deployment, e, answer, start);
    }
  }

  private void fail(Deployment deployment, Throwable thrown, StreamObserver<?> answer, long start) {
    Status status = GrpcFailures.status(thrown);
    metrics.request(deployment.name(), GrpcFailures.httpCode(status), System.nanoTime() - start);
    answer.onError(status.asRuntimeException());
  }

  private Deployment find(String name, StreamObserver<?> answer) {
    Deployment deployment = models.find(name);
    if (deployment == null) {
      answer.onError(Status.NOT_FOUND.withDescription(models.unknown(name)).asRuntimeException());
    }
    return deployment;
  }

  private static <T> void reply(StreamObserver<T> answer, T response) {
    answer.onNext(response);
    answer.onCompleted();
  }
}
