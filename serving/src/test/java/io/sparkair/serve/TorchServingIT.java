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

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.checkpoint.TorchCheckpoint;
import io.sparkair.predict.TorchPredictor;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DJL checkpoint (as a {@code TorchTrainer} loop makes) served by the sidecar process: with DJL's
 * jars added to its classpath it answers as {@link TorchPredictor} does in-process; without them a
 * deployment is refused with a message that says which jars to add.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TorchServingIT {
  private static final List<String> FEATURES = List.of("a", "b", "c");
  private static final String TOKEN = "test-token";

  private static String checkpoint(Path dir) {
    System.setProperty("ai.djl.offline", "true");
    Engine.getEngine("PyTorch").setRandomSeed(3);
    try (Model model = Model.newInstance("tiny")) {
      model.setBlock(new TinyNet().newBlock());
      model
          .getBlock()
          .initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, FEATURES.size()));
      TorchCheckpoint.fromModel(model, TinyNet.class, FEATURES).toDirectory(dir.toString());
    }
    return dir.toString();
  }

  private static List<Map<String, Object>> records(int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < FEATURES.size(); c++) {
        row.put(FEATURES.get(c), Math.sin(i * 3 + c));
      }
      rows.add(row);
    }
    return rows;
  }

  private static double[] expected(String checkpoint, List<Map<String, Object>> rows) {
    try (RootAllocator allocator = new RootAllocator();
        TorchPredictor predictor =
            TorchPredictor.fromCheckpoint(Checkpoint.fromDirectory(checkpoint))) {
      List<org.apache.arrow.vector.FieldVector> columns = new ArrayList<>();
      for (String f : FEATURES) {
        Float8Vector v = new Float8Vector(f, allocator);
        v.allocateNew(rows.size());
        for (int i = 0; i < rows.size(); i++) {
          v.set(i, (Double) rows.get(i).get(f));
        }
        v.setValueCount(rows.size());
        columns.add(v);
      }
      try (VectorSchemaRoot batch = new VectorSchemaRoot(columns);
          VectorSchemaRoot out = predictor.predict(batch)) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
          p[i] = ((Float8Vector) out.getVector("prediction")).get(i);
        }
        return p;
      }
    }
  }

  @Test
  void withDjlOnItsClasspathTheSidecarServesADjlCheckpoint(@TempDir Path dir) throws Exception {
    String torch = checkpoint(dir.resolve("tiny"));
    List<Map<String, Object>> rows = records(25);
    double[] expected = expected(torch, rows);
    try (SidecarProcess sidecar =
        SidecarProcess.startWithClasspath(
            SidecarProcess.djlJars(),
            "--port",
            "0",
            "--deployment",
            "name=Tiny,route=/tiny,checkpoint=" + torch)) {
      HttpResponse<String> answer = sidecar.post("/tiny", rows);
      assertEquals(200, answer.statusCode(), answer.body());
      JsonNode predictions = SidecarProcess.json(answer);
      assertEquals(rows.size(), predictions.size());
      for (int i = 0; i < expected.length; i++) {
        assertEquals(
            expected[i], predictions.get(i).get("prediction").doubleValue(), 1e-6, "row " + i);
      }
      JsonNode routes = SidecarProcess.json(sidecar.get("/-/routes"));
      assertEquals(
          TorchPredictor.class.getName(), routes.get("/tiny").get("predictor").textValue());

      List<Map<String, Object>> inputs = new ArrayList<>();
      for (String feature : FEATURES) {
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("name", feature);
        tensor.put("shape", List.of(rows.size()));
        tensor.put("datatype", "FP64");
        tensor.put("data", rows.stream().map(r -> r.get(feature)).toList());
        inputs.add(tensor);
      }
      HttpResponse<String> viaProtocol =
          sidecar.post("/v2/models/Tiny/infer", Map.of("inputs", inputs));
      assertEquals(200, viaProtocol.statusCode(), viaProtocol.body());
      JsonNode outputs = SidecarProcess.json(viaProtocol).get("outputs");
      JsonNode prediction = null;
      for (JsonNode output : outputs) {
        if (output.get("name").asText().equals("prediction")) {
          prediction = output;
        }
      }
      assertTrue(prediction != null, outputs.toString());
      for (int i = 0; i < expected.length; i++) {
        assertEquals(
            expected[i], prediction.get("data").get(i).doubleValue(), 1e-6, "protocol row " + i);
      }
    }
  }

  @Test
  void withoutDjlADjlDeploymentIsRefusedNamingTheJarsToAdd(@TempDir Path dir) throws Exception {
    String torch = checkpoint(dir.resolve("tiny"));
    try (SidecarProcess sidecar = SidecarProcess.start("--port", "0", "--admin-token", TOKEN)) {
      HttpResponse<String> refused =
          sidecar.put(
              "/-/deployments/Tiny", TOKEN, Map.of("routePrefix", "/tiny", "checkpoint", torch));
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("AIR_SERVE_CLASSPATH"), refused.body());
    }
  }
}
