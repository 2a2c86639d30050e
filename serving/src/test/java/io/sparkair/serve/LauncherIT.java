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

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bin/air-serve} launcher with a YAML config file. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherIT {
  @Test
  void theLauncherServesTheDeploymentsOfAYamlFile(@TempDir Path dir) throws Exception {
    BreastCancerModel data = BreastCancerModel.load();
    String checkpoint = data.checkpoint(dir.resolve("model"), 5, 2);
    Path config = dir.resolve("serve.yaml");
    Files.writeString(
        config,
        "port: 0\ndeployments:\n  - name: XGBoostService\n"
            + "    routePrefix: /rayair\n    checkpoint: "
            + checkpoint
            + "\n    numReplicas: 2\n");
    try (SidecarProcess sidecar =
        SidecarProcess.start(
            List.of(
                "bash",
                Path.of("..", "bin", "air-serve").toString(),
                "--config",
                config.toString()))) {
      HttpResponse<String> answer = sidecar.post("/rayair", List.of(data.record(3)));
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals(
          data.expected(checkpoint, 3, 4)[0],
          SidecarProcess.json(answer).get(0).get("probability").get(1).doubleValue(),
          1e-6);
    }
  }
}
