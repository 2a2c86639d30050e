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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.XGBoostPredictor;
import io.sparkair.serve.grpc.inference.GRPCInferenceServiceGrpc;
import io.sparkair.serve.grpc.inference.ServerLiveRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidecar process with {@code --tls-cert} and {@code --tls-key} (a certificate the test makes
 * with openssl): HTTPS and gRPC over TLS for clients that trust the certificate, refused for those
 * that do not, plain HTTP still answered but not for the admin API; and {@link PredictorDeployment}
 * starting such a sidecar and deploying to it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsIT {
  private static final String TOKEN = "test-token";

  /** A self-signed certificate for 127.0.0.1 and its PKCS#8 key, as PEM files in {@code dir}. */
  private static Path[] certificate(Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost")
            .redirectErrorStream(true)
            .start();
    String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, out);
    return new Path[] {cert, key};
  }

  private static HttpResponse<String> post(HttpClient client, String url, Object body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(SidecarProcess.JSON.writeValueAsBytes(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTlsSidecarServesTrustingClientsOverHttpsAndGrpc(@TempDir Path dir) throws Exception {
    Path[] tls = certificate(dir);
    BreastCancerModel data = BreastCancerModel.load();
    String checkpoint = data.checkpoint(dir.resolve("model"), 5, 2);
    try (SidecarProcess sidecar =
        SidecarProcess.start(
            "--port",
            "0",
            "--admin-token",
            TOKEN,
            "--tls-cert",
            tls[0].toString(),
            "--tls-key",
            tls[1].toString(),
            "--deployment",
            "name=Cancer,route=/cancer,checkpoint=" + checkpoint)) {
      String https = "https://127.0.0.1:" + sidecar.port;
      HttpClient trusting = PredictorDeployment.client(tls[0]);
      HttpResponse<String> answer = post(trusting, https + "/cancer", List.of(data.record(0)));
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals(
          data.expected(checkpoint, 0, 1)[0],
          SidecarProcess.json(answer).get(0).get("probability").get(1).doubleValue(),
          1e-6);

      assertThrows(
          SSLHandshakeException.class,
          () -> post(HttpClient.newHttpClient(), https + "/cancer", List.of(data.record(0))),
          "a client that does not trust the certificate is refused");

      HttpResponse<String> plainAdmin =
          sidecar.put(
              "/-/deployments/Cancer2",
              TOKEN,
              Map.of("routePrefix", "/c2", "checkpoint", checkpoint));
      assertEquals(403, plainAdmin.statusCode(), plainAdmin.body());
      assertTrue(plainAdmin.body().contains("takes https"), plainAdmin.body());
      HttpResponse<String> tlsAdmin =
          trusting.send(
              HttpRequest.newBuilder(URI.create(https + "/-/deployments/Cancer2"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofByteArray(
                          SidecarProcess.JSON.writeValueAsBytes(
                              Map.of("routePrefix", "/c2", "checkpoint", checkpoint))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, tlsAdmin.statusCode(), tlsAdmin.body());

      try (ClientFactory trustingFactory =
              ClientFactory.builder().tlsCustomizer(b -> b.trustManager(tls[0].toFile())).build();
          ClientFactory defaultFactory = ClientFactory.builder().build()) {
        GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub grpc =
            GrpcClients.builder(https + "/")
                .factory(trustingFactory)
                .build(GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub.class);
        assertTrue(grpc.serverLive(ServerLiveRequest.getDefaultInstance()).getLive());
        GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub untrusting =
            GrpcClients.builder(https + "/")
                .factory(defaultFactory)
                .build(GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub.class);
        StatusRuntimeException refused =
            assertThrows(
                StatusRuntimeException.class,
                () -> untrusting.serverLive(ServerLiveRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.toString());
      }
    }
  }

  @Test
  void predictorDeploymentStartsATlsSidecarAndDeploysOverHttps(@TempDir Path dir) throws Exception {
    Path[] tls = certificate(dir);
    BreastCancerModel data = BreastCancerModel.load();
    String checkpoint = data.checkpoint(dir.resolve("model"), 5, 2);
    try {
      String url =
          PredictorDeployment.options()
              .name("Cancer")
              .sidecarJar(System.getProperty("air.serve.jar"))
              .tls(tls[0], tls[1])
              .deploy(
                  XGBoostPredictor.class,
                  Checkpoint.fromDirectory(checkpoint),
                  HttpAdapters.records());
      assertTrue(url.startsWith("https://127.0.0.1:"), url);
      HttpResponse<String> answer =
          post(PredictorDeployment.client(tls[0]), url, List.of(data.record(2)));
      assertEquals(200, answer.statusCode(), answer.body());
    } finally {
      PredictorDeployment.shutdown();
    }
  }
}
