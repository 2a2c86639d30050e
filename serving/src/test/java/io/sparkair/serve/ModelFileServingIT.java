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
import io.sparkair.predict.ModelFileCheckpoint;
import io.sparkair.predict.ModelFilePredictor;
import io.sparkair.predict.ModelSignature;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files made elsewhere, an ONNX model and a TorchScript one (made by {@code
 * scripts/make-test-models.py}), served by the sidecar process with DJL's engines added to its
 * classpath; the answers are checked against the models' known weights.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModelFileServingIT {
  private static final String TOKEN = "test-token";

  private static Path model(String name) {
    return Path.of(System.getProperty("air.test.models"), name);
  }

  private static String torchCheckpoint(Path dir) {
    ModelSignature signature =
        ModelSignature.builder()
            .input("x", ModelSignature.DataType.FP32, new long[] {-1, 4}, "features")
            .output("y", "prediction")
            .build();
    ModelFileCheckpoint.create(model("tanh_net.pt"), signature).toDirectory(dir.toString());
    return dir.toString();
  }

  private static List<Map<String, Object>> records(int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("a", Math.sin(i));
      row.put("b", Math.cos(i));
      row.put("c", (i % 5) / 5.0);
      row.put("d", -0.25);
      rows.add(row);
    }
    return rows;
  }

  private static double[] x(Map<String, Object> row) {
    return new double[] {
      (Double) row.get("a"), (Double) row.get("b"), (Double) row.get("c"), (Double) row.get("d")
    };
  }

  @Test
  void theSidecarServesAnOnnxAndATorchScriptModel(@TempDir Path dir) throws Exception {
    String onnx = LogisticModel.checkpoint(dir.resolve("logistic"), "probability", "logit");
    String torch = torchCheckpoint(dir.resolve("tanh"));
    List<Map<String, Object>> rows = records(20);
    try (SidecarProcess sidecar =
        SidecarProcess.startWithClasspath(
            SidecarProcess.djlJars(),
            "--port",
            "0",
            "--deployment",
            "name=Logistic,route=/logistic,checkpoint=" + onnx,
            "--deployment",
            "name=Tanh,route=/tanh,checkpoint=" + torch)) {
      HttpResponse<String> answer = sidecar.post("/logistic", rows);
      assertEquals(200, answer.statusCode(), answer.body());
      JsonNode logistic = SidecarProcess.json(answer);
      List<Map<String, Object>> arrays = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        double[] x = x(rows.get(i));
        double logit = LogisticModel.logit(x);
        assertEquals(logit, logistic.get(i).get("logit").doubleValue(), 1e-6, "row " + i);
        assertEquals(
            1 / (1 + Math.exp(-logit)),
            logistic.get(i).get("probability").doubleValue(),
            1e-6,
            "row " + i);
        arrays.add(Map.of("features", List.of(x[0], x[1], x[2], x[3])));
      }

      HttpResponse<String> tanhAnswer = sidecar.post("/tanh", arrays);
      assertEquals(200, tanhAnswer.statusCode(), tanhAnswer.body());
      JsonNode tanh = SidecarProcess.json(tanhAnswer);
      double[][] w = {{0.1, 0.2, -0.3, 0.4}, {-0.5, 0.25, 0.125, -1.0}};
      double[] b = {0.05, -0.1};
      for (int i = 0; i < rows.size(); i++) {
        double[] x = x(rows.get(i));
        for (int k = 0; k < 2; k++) {
          double sum = b[k];
          for (int c = 0; c < 4; c++) {
            sum += w[k][c] * x[c];
          }
          assertEquals(
              Math.tanh(sum), tanh.get(i).get("prediction").get(k).doubleValue(), 1e-6, "row " + i);
        }
      }

      List<Double> flat = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        for (double v : x(row)) {
          flat.add(v);
        }
      }
      Map<String, Object> features = new LinkedHashMap<>();
      features.put("name", "features");
      features.put("shape", List.of(rows.size(), 4));
      features.put("datatype", "FP32");
      features.put("data", flat);
      HttpResponse<String> viaProtocol =
          sidecar.post("/v2/models/Tanh/infer", Map.of("inputs", List.of(features)));
      assertEquals(200, viaProtocol.statusCode(), viaProtocol.body());
      JsonNode output = SidecarProcess.json(viaProtocol).get("outputs").get(0);
      assertEquals("[" + rows.size() + ",2]", output.get("shape").toString());
      for (int i = 0; i < rows.size(); i++) {
        for (int k = 0; k < 2; k++) {
          assertEquals(
              tanh.get(i).get("prediction").get(k).doubleValue(),
              output.get("data").get(i * 2 + k).doubleValue(),
              "row " + i + " through the Open Inference Protocol");
        }
      }

      HttpResponse<String> missing = sidecar.post("/logistic", List.of(Map.of("a", 1.0)));
      assertEquals(400, missing.statusCode(), missing.body());
      assertTrue(missing.body().contains("'b'"), missing.body());
      JsonNode routes = SidecarProcess.json(sidecar.get("/-/routes"));
      assertEquals(
          ModelFilePredictor.class.getName(), routes.get("/logistic").get("predictor").textValue());
    }
  }

  @Test
  void withoutTheEngineAModelFileIsRefusedNamingTheJarsToAdd(@TempDir Path dir) throws Exception {
    String onnx = LogisticModel.checkpoint(dir.resolve("logistic"), "probability", "logit");
    try (SidecarProcess sidecar = SidecarProcess.start("--port", "0", "--admin-token", TOKEN)) {
      HttpResponse<String> refused =
          sidecar.put(
              "/-/deployments/Logistic",
              TOKEN,
              Map.of("routePrefix", "/logistic", "checkpoint", onnx));
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("AIR_SERVE_CLASSPATH"), refused.body());
    }
  }
}
