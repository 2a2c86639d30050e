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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.sparkair.serve.grpc.inference.GRPCInferenceServiceGrpc;
import io.sparkair.serve.grpc.inference.InferTensorContents;
import io.sparkair.serve.grpc.inference.ModelInferRequest;
import io.sparkair.serve.grpc.inference.ModelInferResponse;
import io.sparkair.serve.grpc.inference.ModelMetadataRequest;
import io.sparkair.serve.grpc.inference.ModelMetadataResponse;
import io.sparkair.serve.grpc.inference.ModelReadyRequest;
import io.sparkair.serve.grpc.inference.ServerLiveRequest;
import io.sparkair.serve.grpc.inference.ServerMetadataRequest;
import io.sparkair.serve.grpc.inference.ServerReadyRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Open Inference Protocol's REST routes and gRPC service of the sidecar process, for an ONNX
 * model (whose answers are checked against its known weights) and an XGBoost model (checked against
 * the sidecar's own JSON route), and the protocol's answers to bad requests.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenInferenceIT {
  private static Path dir;
  private static BreastCancerModel cancer;
  private static SidecarProcess sidecar;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("open-inference-it");
    cancer = BreastCancerModel.load();
    String xgboost = cancer.checkpoint(dir.resolve("xgb"), 5, 3);
    String logistic = LogisticModel.checkpoint(dir.resolve("logistic"), "probability", "logit");
    String lightgbm = cancer.lightgbmCheckpoint(dir.resolve("lightgbm"), 10);
    sidecar =
        SidecarProcess.startWithClasspath(
            SidecarProcess.djlJars(),
            "--port",
            "0",
            "--deployment",
            "name=Logistic,route=/logistic,checkpoint=" + logistic,
            "--deployment",
            "name=Cancer,route=/cancer,checkpoint=" + xgboost,
            "--deployment",
            "name=Boost,route=/boost,checkpoint=" + lightgbm);
  }

  @AfterAll
  static void stop() throws Exception {
    sidecar.close();
  }

  private static Map<String, Object> tensor(
      String name, String datatype, List<?> shape, List<?> data) {
    Map<String, Object> tensor = new LinkedHashMap<>();
    tensor.put("name", name);
    tensor.put("datatype", datatype);
    tensor.put("shape", shape);
    tensor.put("data", data);
    return tensor;
  }

  private static final double[][] ROWS = {
    {0.1, 0.2, 0.3, 0.4}, {-1, 0.5, 0.25, 2}, {1.5, -0.75, 0, -0.5}
  };

  private static List<Map<String, Object>> logisticInputs() {
    List<Map<String, Object>> inputs = new ArrayList<>();
    String[] names = {"a", "b", "c", "d"};
    for (int c = 0; c < 4; c++) {
      List<Double> column = new ArrayList<>();
      for (double[] row : ROWS) {
        column.add(row[c]);
      }
      inputs.add(tensor(names[c], "FP64", List.of(ROWS.length), column));
    }
    return inputs;
  }

  @Test
  void everyRouteOfTheProtocolAnswers() throws Exception {
    assertEquals(true, SidecarProcess.json(sidecar.get("/v2/health/live")).get("live").asBoolean());
    HttpResponse<String> ready = sidecar.get("/v2/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals("air-serve", SidecarProcess.json(sidecar.get("/v2")).get("name").asText());
    JsonNode modelReady = SidecarProcess.json(sidecar.get("/v2/models/Logistic/ready"));
    assertEquals(true, modelReady.get("ready").asBoolean(), modelReady.toString());

    JsonNode metadata = SidecarProcess.json(sidecar.get("/v2/models/Logistic"));
    assertEquals("Logistic", metadata.get("name").asText());
    assertEquals(
        "[{\"name\":\"a\",\"datatype\":\"FP64\",\"shape\":[-1]},{\"name\":\"b\",\"datatype\":\"FP64\",\"shape\":[-1]},"
            + "{\"name\":\"c\",\"datatype\":\"FP64\",\"shape\":[-1]},{\"name\":\"d\",\"datatype\":\"FP64\",\"shape\":[-1]}]",
        metadata.get("inputs").toString());
    assertEquals(
        "[{\"name\":\"probability\",\"datatype\":\"FP64\",\"shape\":[-1]},"
            + "{\"name\":\"logit\",\"datatype\":\"FP64\",\"shape\":[-1]}]",
        metadata.get("outputs").toString());
    JsonNode cancerMetadata = SidecarProcess.json(sidecar.get("/v2/models/Cancer"));
    assertEquals(30, cancerMetadata.get("inputs").size(), cancerMetadata.toString());
    assertEquals(
        "{\"name\":\"probability\",\"datatype\":\"FP64\",\"shape\":[-1,2]}",
        cancerMetadata.get("outputs").get(1).toString());

    HttpResponse<String> answer =
        sidecar.post(
            "/v2/models/Logistic/infer", Map.of("id", "req-1", "inputs", logisticInputs()));
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode response = SidecarProcess.json(answer);
    assertEquals("Logistic", response.get("model_name").asText());
    assertEquals("req-1", response.get("id").asText());
    JsonNode probability = response.get("outputs").get(0);
    assertEquals("probability", probability.get("name").asText());
    assertEquals("FP64", probability.get("datatype").asText());
    assertEquals("[3]", probability.get("shape").toString());
    for (int i = 0; i < ROWS.length; i++) {
      double logit = LogisticModel.logit(ROWS[i]);
      assertEquals(1 / (1 + Math.exp(-logit)), probability.get("data").get(i).asDouble(), 1e-6);
      assertEquals(logit, response.get("outputs").get(1).get("data").get(i).asDouble(), 1e-6);
    }

    JsonNode onlyLogit =
        SidecarProcess.json(
            sidecar.post(
                "/v2/models/Logistic/infer",
                Map.of("inputs", logisticInputs(), "outputs", List.of(Map.of("name", "logit")))));
    assertEquals(1, onlyLogit.get("outputs").size());
    assertEquals("logit", onlyLogit.get("outputs").get(0).get("name").asText());

    assertAnswersAsItsRoute("Cancer", "/cancer");
  }

  @Test
  void aLightGbmDeploymentAnswersTheProtocolAsItsRouteDoes() throws Exception {
    assertAnswersAsItsRoute("Boost", "/boost");
  }

  /**
   * Two breast-cancer rows sent to {@code model} through the protocol (FP32 inputs) get the
   * predictions its JSON route gives.
   */
  private static void assertAnswersAsItsRoute(String model, String route) throws Exception {
    List<Map<String, Object>> cancerInputs = new ArrayList<>();
    for (String feature : cancer.features) {
      cancerInputs.add(
          tensor(
              feature,
              "FP32",
              List.of(2),
              List.of(cancer.record(0).get(feature), cancer.record(1).get(feature))));
    }
    JsonNode viaProtocol =
        SidecarProcess.json(
            sidecar.post("/v2/models/" + model + "/infer", Map.of("inputs", cancerInputs)));
    JsonNode viaRoute =
        SidecarProcess.json(sidecar.post(route, List.of(cancer.record(0), cancer.record(1))));
    JsonNode probabilities = viaProtocol.get("outputs").get(1);
    assertEquals("[2,2]", probabilities.get("shape").toString(), viaProtocol.toString());
    for (int i = 0; i < 2; i++) {
      assertEquals(
          viaRoute.get(i).get("prediction").asDouble(),
          viaProtocol.get("outputs").get(0).get("data").get(i).asDouble());
      assertEquals(
          viaRoute.get(i).get("probability").get(1).asDouble(),
          probabilities.get("data").get(i * 2 + 1).asDouble(),
          1e-12);
    }
  }

  /**
   * The logistic inputs with each tensor's fields in the order {@code fields} gives, a {@code
   * parameters} object among them where {@code fields} names it.
   */
  private static List<Map<String, Object>> logisticInputsInOrder(String... fields) {
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (Map<String, Object> tensor : logisticInputs()) {
      Map<String, Object> ordered = new LinkedHashMap<>();
      for (String field : fields) {
        ordered.put(
            field, field.equals("parameters") ? Map.of("binary", false) : tensor.get(field));
      }
      inputs.add(ordered);
    }
    return inputs;
  }

  @Test
  void aTensorsFieldsAreReadInAnyOrderAndUnknownOnesAreSkipped() throws Exception {
    List<String[]> orders =
        List.of(
            new String[] {"name", "shape", "datatype", "data"},
            new String[] {"data", "datatype", "shape", "name"},
            new String[] {"name", "shape", "datatype", "parameters", "data"},
            new String[] {"parameters", "name", "datatype", "shape", "data"});
    for (String[] order : orders) {
      HttpResponse<String> answer =
          sidecar.post("/v2/models/Logistic/infer", Map.of("inputs", logisticInputsInOrder(order)));
      assertEquals(200, answer.statusCode(), List.of(order) + ": " + answer.body());
      JsonNode logit = SidecarProcess.json(answer).get("outputs").get(1).get("data");
      for (int i = 0; i < ROWS.length; i++) {
        assertEquals(LogisticModel.logit(ROWS[i]), logit.get(i).asDouble(), 1e-6);
      }
    }
  }

  private static void assertError(HttpResponse<String> response, int status, String message)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    String error = SidecarProcess.json(response).get("error").asText();
    assertTrue(error.contains(message), error);
  }

  @Test
  void badRequestsGetTheProtocolsErrors() throws Exception {
    List<Map<String, Object>> wrongType = logisticInputs();
    wrongType.set(0, tensor("a", "FP128", List.of(3), List.of(1, 2, 3)));
    assertError(
        sidecar.post("/v2/models/Logistic/infer", Map.of("inputs", wrongType)),
        400,
        "input 'a' has datatype 'FP128'");

    List<Map<String, Object>> wrongShape = logisticInputs();
    wrongShape.set(1, tensor("b", "FP64", List.of(3), List.of(1.0, 2.0)));
    assertError(
        sidecar.post("/v2/models/Logistic/infer", Map.of("inputs", wrongShape)),
        400,
        "input 'b' has shape [3], 3 values, but its data holds 2");

    List<Map<String, Object>> missing = logisticInputs();
    missing.remove(2);
    assertError(sidecar.post("/v2/models/Logistic/infer", Map.of("inputs", missing)), 400, "'c'");

    List<Map<String, Object>> text = logisticInputs();
    text.set(3, tensor("d", "FP64", List.of(3), List.of(1.0, "x", 2.0)));
    assertError(
        sidecar.post("/v2/models/Logistic/infer", Map.of("inputs", text)),
        400,
        "input 'd' of datatype FP64 holds \"x\" at 1, not a number");

    List<Map<String, Object>> rows = logisticInputs();
    rows.set(3, tensor("d", "FP64", List.of(2), List.of(1.0, 2.0)));
    assertError(
        sidecar.post("/v2/models/Logistic/infer", Map.of("inputs", rows)),
        400,
        "input 'd' has 2 rows but input 'a' has 3");

    assertError(
        sidecar.post("/v2/models/Logistic/infer", "{\"inputs\": [{\"name\": \"a\""),
        400,
        "malformed JSON");
    assertError(
        sidecar.post("/v2/models/Logistic/infer", Map.of("inputs", List.of())),
        400,
        "the request has no \"inputs\"");
    assertError(
        sidecar.post(
            "/v2/models/Logistic/infer",
            Map.of("inputs", logisticInputs(), "outputs", List.of(Map.of("name", "nope")))),
        400,
        "output 'nope' is not one the model gives: [probability, logit]");
    assertError(
        sidecar.post("/v2/models/Nope/infer", Map.of("inputs", logisticInputs())),
        404,
        "no model named 'Nope'; the models are [Boost, Cancer, Logistic]");
    assertError(sidecar.get("/v2/models/Nope"), 404, "no model named 'Nope'");
    assertError(sidecar.get("/v2/models/Logistic/infer"), 405, "POST /v2/models/Logistic/infer");
    assertError(
        sidecar.send(HttpRequest.newBuilder(sidecar.uri("/v2/models/Logistic")).DELETE().build()),
        405,
        "GET /v2/models/Logistic");

    HttpResponse<String> stillWell =
        sidecar.post("/v2/models/Logistic/infer", Map.of("inputs", logisticInputs()));
    assertEquals(200, stillWell.statusCode(), "a good request after the bad ones still works");
  }

  private static GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub grpc() {
    return GrpcClients.newClient(
        "http://127.0.0.1:" + sidecar.port + "/",
        GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub.class);
  }

  private static ModelInferRequest.Builder logisticRequest() {
    ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName("Logistic");
    String[] names = {"a", "b", "c", "d"};
    for (int c = 0; c < 4; c++) {
      InferTensorContents.Builder contents = InferTensorContents.newBuilder();
      for (double[] row : ROWS) {
        contents.addFp64Contents(row[c]);
      }
      request
          .addInputsBuilder()
          .setName(names[c])
          .setDatatype("FP64")
          .addShape(ROWS.length)
          .setContents(contents);
    }
    return request;
  }

  private static void assertLogistic(ModelInferResponse response) {
    assertEquals("probability", response.getOutputs(0).getName());
    assertEquals(List.of((long) ROWS.length), response.getOutputs(0).getShapeList());
    for (int i = 0; i < ROWS.length; i++) {
      double logit = LogisticModel.logit(ROWS[i]);
      assertEquals(
          1 / (1 + Math.exp(-logit)),
          response.getOutputs(0).getContents().getFp64Contents(i),
          1e-6);
      assertEquals(logit, response.getOutputs(1).getContents().getFp64Contents(i), 1e-6);
    }
  }

  @Test
  void theGrpcServiceAnswersAsTheRestRoutesDo() throws Exception {
    GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub grpc = grpc();
    assertTrue(grpc.serverLive(ServerLiveRequest.getDefaultInstance()).getLive());
    assertTrue(grpc.serverReady(ServerReadyRequest.getDefaultInstance()).getReady());
    assertEquals(
        "air-serve", grpc.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName());
    assertTrue(
        grpc.modelReady(ModelReadyRequest.newBuilder().setName("Logistic").build()).getReady());
    ModelMetadataResponse metadata =
        grpc.modelMetadata(ModelMetadataRequest.newBuilder().setName("Logistic").build());
    assertEquals(
        List.of("a", "b", "c", "d"),
        metadata.getInputsList().stream().map(t -> t.getName()).toList());
    assertEquals("FP64", metadata.getOutputs(0).getDatatype());
    assertEquals(List.of(-1L), metadata.getOutputs(0).getShapeList());

    ModelInferResponse answer = grpc.modelInfer(logisticRequest().setId("g-1").build());
    assertEquals("g-1", answer.getId());
    assertEquals("Logistic", answer.getModelName());
    assertLogistic(answer);

    ModelInferRequest.Builder raw = logisticRequest();
    for (int c = 0; c < 4; c++) {
      ByteBuffer bytes = ByteBuffer.allocate(ROWS.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (double[] row : ROWS) {
        bytes.putFloat((float) row[c]);
      }
      raw.getInputsBuilder(c).setDatatype("FP32").clearContents();
      raw.addRawInputContents(ByteString.copyFrom(bytes.array()));
    }
    assertLogistic(grpc.modelInfer(raw.build()));

    ModelInferRequest.Builder wrongShape = logisticRequest();
    wrongShape.getInputsBuilder(1).clearShape().addShape(2);
    SidecarProcess.assertGrpcError(
        Status.Code.INVALID_ARGUMENT,
        "input 'b' has shape [2], 2 values, but its data holds 3",
        () -> grpc.modelInfer(wrongShape.build()));
    ModelInferRequest.Builder wrongType = logisticRequest();
    wrongType.getInputsBuilder(0).setDatatype("FLOAT");
    SidecarProcess.assertGrpcError(
        Status.Code.INVALID_ARGUMENT,
        "input 'a' has datatype 'FLOAT'",
        () -> grpc.modelInfer(wrongType.build()));
    ModelInferRequest.Builder missing = logisticRequest();
    missing.removeInputs(3);
    SidecarProcess.assertGrpcError(
        Status.Code.INVALID_ARGUMENT, "'d'", () -> grpc.modelInfer(missing.build()));
    SidecarProcess.assertGrpcError(
        Status.Code.NOT_FOUND,
        "no model named 'Nope'",
        () -> grpc.modelInfer(logisticRequest().setModelName("Nope").build()));
    SidecarProcess.assertGrpcError(
        Status.Code.NOT_FOUND,
        "no model named 'Nope'",
        () -> grpc.modelMetadata(ModelMetadataRequest.newBuilder().setName("Nope").build()));
  }
}
