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
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.sparkair.serve.grpc.Column;
import io.sparkair.serve.grpc.DoubleValues;
import io.sparkair.serve.grpc.PredictGrpc;
import io.sparkair.serve.grpc.PredictRequest;
import io.sparkair.serve.grpc.PredictResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code air-serve} as a process of its own, started from the built jar with two breast-cancer
 * checkpoints, called over real HTTP and gRPC: the adapters, two deployments, bad input, overload,
 * metrics, the admin API, replicas, hot swap and autoscaling.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SidecarIT {
  private static final String TOKEN = "test-token";
  @TempDir static Path dir;
  private static BreastCancerModel data;
  private static String strong;
  private static String weak;
  private static String lightgbm;
  private static SidecarProcess sidecar;

  @BeforeAll
  static void start() throws Exception {
    data = BreastCancerModel.load();
    strong = data.checkpoint(dir.resolve("strong"), 20, 3);
    weak = data.checkpoint(dir.resolve("weak"), 2, 1);
    lightgbm = data.lightgbmCheckpoint(dir.resolve("lightgbm"), 20);
    sidecar =
        SidecarProcess.start(
            "--port",
            "0",
            "--admin-token",
            TOKEN,
            "--max-request-bytes",
            "200000",
            "--deployment",
            "name=XGBoostService,route=/rayair,checkpoint=" + strong + ",replicas=2",
            "--deployment",
            "name=Weak,route=/weak,checkpoint="
                + weak
                + ",replicas=1,"
                + "maxQueuedRequests=2,maxBatchSize=1",
            "--deployment",
            "name=Single,route=/single,checkpoint=" + strong + ",adapter=object",
            "--deployment",
            "name=LightGBM,route=/lightgbm,checkpoint=" + lightgbm);
  }

  @AfterAll
  static void stop() throws Exception {
    sidecar.close();
  }

  private List<Map<String, Object>> records(int from, int to) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int r = from; r < to; r++) {
      rows.add(data.record(r));
    }
    return rows;
  }

  private static void assertProbabilities(double[] expected, JsonNode answer) {
    assertEquals(expected.length, answer.size(), answer.toString());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          expected[i], answer.get(i).get("probability").get(1).doubleValue(), 1e-6, "row " + i);
      assertEquals(expected[i] > 0.5 ? 1.0 : 0.0, answer.get(i).get("prediction").doubleValue());
    }
  }

  @Test
  void recordsColumnsAndSingleObjectsArePredictedAsThePredictorDoes() throws Exception {
    HttpResponse<String> records = sidecar.post("/rayair", records(0, 40));
    assertEquals(200, records.statusCode(), records.body());
    assertProbabilities(data.expected(strong, 0, 40), SidecarProcess.json(records));

    Map<String, List<Object>> columns = new LinkedHashMap<>();
    for (Map<String, Object> row : records(40, 50)) {
      row.forEach((k, v) -> columns.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    HttpResponse<String> columnar = sidecar.post("/rayair", columns);
    assertEquals(200, columnar.statusCode(), columnar.body());
    assertProbabilities(data.expected(strong, 40, 50), SidecarProcess.json(columnar));

    HttpResponse<String> single = sidecar.post("/single", data.record(7));
    assertEquals(200, single.statusCode(), single.body());
    assertEquals(
        data.expected(strong, 7, 8)[0],
        SidecarProcess.json(single).get("probability").get(1).doubleValue(),
        1e-6);
  }

  private PredictRequest.Builder grpcRows(String deployment, int from, int to) {
    PredictRequest.Builder request = PredictRequest.newBuilder().setDeployment(deployment);
    for (int c = 0; c < data.features.size(); c++) {
      DoubleValues.Builder values = DoubleValues.newBuilder();
      for (int r = from; r < to; r++) {
        values.addValues(data.rows[r][c]);
      }
      request.addColumns(Column.newBuilder().setName(data.features.get(c)).setDoubles(values));
    }
    return request;
  }

  @Test
  void grpcPredictsTheSameOnTheSamePort() throws Exception {
    PredictGrpc.PredictBlockingStub grpc =
        GrpcClients.newClient(
            "http://127.0.0.1:" + sidecar.port + "/", PredictGrpc.PredictBlockingStub.class);
    PredictResponse answer = grpc.predict(grpcRows("XGBoostService", 10, 30).build());
    assertEquals(20, answer.getRowCount());
    Column probability =
        answer.getColumnsList().stream()
            .filter(c -> c.getName().equals("probability"))
            .findFirst()
            .orElseThrow();
    double[] expected = data.expected(strong, 10, 30);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], probability.getDoubleArrays().getValues(i).getValues(1), 1e-6);
    }
    SidecarProcess.assertGrpcError(
        Status.Code.NOT_FOUND, "'Nobody'", () -> grpc.predict(grpcRows("Nobody", 0, 1).build()));
    PredictRequest.Builder missing = grpcRows("XGBoostService", 0, 2);
    missing.removeColumns(0);
    SidecarProcess.assertGrpcError(
        Status.Code.INVALID_ARGUMENT, "'mean radius'", () -> grpc.predict(missing.build()));
    PredictRequest.Builder uneven = grpcRows("XGBoostService", 0, 2);
    uneven.setColumns(
        1,
        Column.newBuilder()
            .setName(data.features.get(1))
            .setDoubles(DoubleValues.newBuilder().addValues(1.0)));
    SidecarProcess.assertGrpcError(
        Status.Code.INVALID_ARGUMENT, "has 1 values", () -> grpc.predict(uneven.build()));
  }

  @Test
  void aLightGBMCheckpointIsServedByItsFrameworksPredictor() throws Exception {
    HttpResponse<String> answer = sidecar.post("/lightgbm", records(0, 30));
    assertEquals(200, answer.statusCode(), answer.body());
    assertProbabilities(data.expected(lightgbm, 0, 30), SidecarProcess.json(answer));
    JsonNode routes = SidecarProcess.json(sidecar.get("/-/routes"));
    assertEquals(
        "io.sparkair.predict.LightGBMPredictor",
        routes.get("/lightgbm").get("predictor").textValue());
    assertEquals(
        "io.sparkair.predict.XGBoostPredictor", routes.get("/rayair").get("predictor").textValue());
  }

  @Test
  void twoDeploymentsServeTheirOwnCheckpointsAndAreListed() throws Exception {
    HttpResponse<String> weakAnswer = sidecar.post("/weak", records(0, 20));
    assertEquals(200, weakAnswer.statusCode(), weakAnswer.body());
    assertProbabilities(data.expected(weak, 0, 20), SidecarProcess.json(weakAnswer));
    JsonNode routes = SidecarProcess.json(sidecar.get("/-/routes"));
    assertEquals("XGBoostService", routes.get("/rayair").get("name").textValue());
    assertEquals(weak, routes.get("/weak").get("checkpoint").textValue());
    assertEquals(2, routes.get("/rayair").get("replicas").intValue());
    assertEquals("ok", sidecar.get("/-/healthz").body());
  }

  @Test
  void badInputGetsAnErrorNamingTheProblemAndTheServerKeepsServing() throws Exception {
    assertError(sidecar.post("/rayair", "[{\"mean radius\": 1.0,"), 400, "malformed JSON");
    Map<String, Object> missing = data.record(0);
    missing.remove("mean texture");
    assertError(sidecar.post("/rayair", List.of(missing)), 400, "'mean texture'");
    Map<String, Object> wrongType = data.record(0);
    wrongType.put("mean area", "large");
    assertError(sidecar.post("/rayair", List.of(wrongType)), 400, "mean area");
    Map<String, Object> other = data.record(1);
    other.put("mean area", 3.0);
    assertError(
        sidecar.post("/rayair", List.of(wrongType, other)), 400, "column 'mean area' mixes types");
    assertError(sidecar.post("/rayair", "42"), 400, "JSON array of row objects");
    assertError(sidecar.post("/rayair", ""), 400, "no body");
    assertError(sidecar.post("/nowhere", records(0, 1)), 404, "/rayair");
    assertError(sidecar.get("/rayair"), 405, "POST");
    assertError(sidecar.post("/rayair", records(0, 569)), 413, "maxRequestBytes");
    HttpResponse<String> fine = sidecar.post("/rayair", records(0, 2));
    assertEquals(200, fine.statusCode(), fine.body());
  }

  private static void assertError(HttpResponse<String> response, int status, String text)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    String message = SidecarProcess.json(response).get("error").textValue();
    assertTrue(message.contains(text), message);
  }

  @Test
  void aFullQueueIsRefusedWith503AndRetryAfter() throws Exception {
    List<Map<String, Object>> rows = records(0, 150);
    ExecutorService clients = Executors.newFixedThreadPool(32);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        answers.add(clients.submit(() -> sidecar.post("/weak", rows)));
      }
      int ok = 0;
      int refused = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get();
        if (r.statusCode() == 503) {
          refused++;
          assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
        } else {
          assertEquals(200, r.statusCode(), r.body());
          ok++;
        }
      }
      assertTrue(refused > 0 && ok > 0, ok + " answered, " + refused + " refused");
    } finally {
      clients.shutdownNow();
    }
    assertEquals(200, sidecar.post("/weak", records(0, 1)).statusCode());
  }

  @Test
  void replicasShareTheLoadAndMetricsCountIt() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        int row = i % 569;
        answers.add(clients.submit(() -> sidecar.post("/rayair", records(row, row + 1))));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        assertEquals(200, answer.get().statusCode());
      }
    } finally {
      clients.shutdownNow();
    }
    String metrics = sidecar.get("/metrics").body();
    Matcher replica =
        Pattern.compile(
                "air_serve_replica_requests_total\\{deployment=\""
                    + "XGBoostService\",replica=\"([^\"]+)\"} ([0-9.E]+)")
            .matcher(metrics);
    Map<String, Double> perReplica = new HashMap<>();
    while (replica.find()) {
      perReplica.put(replica.group(1), Double.parseDouble(replica.group(2)));
    }
    assertEquals(2, perReplica.size(), metrics);
    perReplica.values().forEach(n -> assertTrue(n > 0, "each replica served: " + perReplica));
    assertTrue(
        metrics.contains(
            "air_serve_requests_total{deployment=\"XGBoostService\"," + "status=\"200\"}"),
        metrics);
    assertTrue(
        metrics.contains(
            "air_serve_request_latency_seconds_bucket{deployment=" + "\"XGBoostService\""),
        metrics);
    assertTrue(metrics.contains("air_serve_queue_depth{deployment=\"XGBoostService\"}"));
    assertTrue(metrics.contains("air_serve_replicas{deployment=\"XGBoostService\"} 2"));
  }

  private HttpResponse<String> admin(String method, String name, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(sidecar.uri("/-/deployments/" + name))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return sidecar.send(request.build());
  }

  private static String deployment(Map<String, Object> config) throws Exception {
    return SidecarProcess.JSON.writeValueAsString(config);
  }

  @Test
  void theAdminApiDeploysAndRemovesWithTheTokenOnly() throws Exception {
    String body = deployment(Map.of("route", "/third", "checkpoint", weak));
    assertEquals(401, admin("PUT", "Third", body, null).statusCode());
    assertEquals(401, admin("PUT", "Third", body, "wrong").statusCode());
    assertEquals(404, sidecar.post("/third", records(0, 1)).statusCode());

    HttpResponse<String> deployed = admin("PUT", "Third", body, TOKEN);
    assertEquals(200, deployed.statusCode(), deployed.body());
    assertProbabilities(
        data.expected(weak, 0, 3), SidecarProcess.json(sidecar.post("/third", records(0, 3))));
    assertError(
        admin(
            "PUT",
            "Fourth",
            deployment(Map.of("route", "/fourth", "checkpoint", dir.resolve("none").toString())),
            TOKEN),
        400,
        "none");
    assertError(
        admin("PUT", "Fourth", deployment(Map.of("route", "/third", "checkpoint", weak)), TOKEN),
        400,
        "belongs to deployment Third");

    assertEquals(401, admin("DELETE", "Third", null, null).statusCode());
    assertEquals(200, admin("DELETE", "Third", null, TOKEN).statusCode());
    assertEquals(404, sidecar.post("/third", records(0, 1)).statusCode());
    assertEquals(404, admin("DELETE", "Third", null, TOKEN).statusCode());
  }

  @Test
  void aHotSwapUnderLoadFailsNoRequest() throws Exception {
    assertEquals(
        200,
        admin(
                "PUT",
                "Swap",
                deployment(Map.of("route", "/swap", "checkpoint", strong, "replicas", 2)),
                TOKEN)
            .statusCode());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> loops = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      loops.add(
          clients.submit(
              () -> {
                while (running.get()) {
                  try {
                    HttpResponse<String> r = sidecar.post("/swap", records(5, 6));
                    if (r.statusCode() != 200) {
                      failures.add(r.statusCode() + " " + r.body());
                    }
                    answered.incrementAndGet();
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                }
                return null;
              }));
    }
    try {
      Thread.sleep(300);
      for (String checkpoint : List.of(weak, strong, weak)) {
        HttpResponse<String> swapped =
            admin(
                "PUT",
                "Swap",
                deployment(Map.of("route", "/swap", "checkpoint", checkpoint, "replicas", 2)),
                TOKEN);
        assertEquals(200, swapped.statusCode(), swapped.body());
        Thread.sleep(300);
      }
    } finally {
      running.set(false);
      for (Future<?> loop : loops) {
        loop.get();
      }
      clients.shutdownNow();
    }
    assertTrue(failures.isEmpty(), failures.size() + " failed: " + failures);
    assertTrue(answered.get() > 50, "requests ran during the swaps: " + answered.get());
    assertProbabilities(
        data.expected(weak, 5, 6), SidecarProcess.json(sidecar.post("/swap", records(5, 6))));
    assertEquals(200, admin("DELETE", "Swap", null, TOKEN).statusCode());
  }

  @Test
  void autoscalingGrowsUnderABurstAndShrinksAfter() throws Exception {
    assertEquals(
        200,
        admin(
                "PUT",
                "Auto",
                deployment(
                    Map.of(
                        "route",
                        "/auto",
                        "checkpoint",
                        strong,
                        "replicas",
                        1,
                        "maxReplicas",
                        3,
                        "targetOngoingRequests",
                        1,
                        "upscaleDelayMs",
                        100,
                        "downscaleDelayMs",
                        500,
                        "maxBatchSize",
                        1)),
                TOKEN)
            .statusCode());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    Set<Integer> seen = new TreeSet<>();
    try {
      for (int c = 0; c < 16; c++) {
        clients.submit(
            () -> {
              while (running.get()) {
                sidecar.post("/auto", records(0, 50));
              }
              return null;
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline && !seen.contains(3)) {
        seen.add(replicas("/auto"));
        Thread.sleep(50);
      }
    } finally {
      running.set(false);
      clients.shutdown();
      clients.awaitTermination(10, TimeUnit.SECONDS);
    }
    assertTrue(seen.contains(3), "grew to maxReplicas under the burst: " + seen);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (replicas("/auto") > 1 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(1, replicas("/auto"), "shrank back to minReplicas when idle");
    assertEquals(200, admin("DELETE", "Auto", null, TOKEN).statusCode());
  }

  private static int replicas(String route) throws Exception {
    return SidecarProcess.json(sidecar.get("/-/routes")).get(route).get("replicas").intValue();
  }
}
