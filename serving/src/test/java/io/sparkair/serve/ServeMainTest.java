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

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code air-serve} command line and its config files. */
class ServeMainTest {
  @Test
  void deploymentsComeFromFlagsAndFromYamlOrJsonFiles(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("server.yaml");
    Files.writeString(
        yaml,
        "port: 9100\nadminToken: from-file\ndeployments:\n"
            + "  - name: XGBoostService\n    routePrefix: /rayair\n    checkpoint: /models/a\n"
            + "    numReplicas: 2\n    maxReplicas: 4\n");
    ServerConfig config =
        ServeMain.parse(
            new String[] {
              "--config",
              yaml.toString(),
              "--port",
              "9200",
              "--deployment",
              "name=Other,checkpoint=/models/b,replicas=3," + "maxBatchSize=8,adapter=columns"
            });
    assertEquals(9200, config.getPort(), "a flag overrides the file");
    assertEquals("from-file", config.getAdminToken());
    assertEquals(2, config.getDeployments().size());
    DeploymentConfig first = config.getDeployments().get(0);
    assertEquals("/rayair", first.getRoutePrefix());
    assertEquals(4, first.getMaxReplicas());
    DeploymentConfig other = config.getDeployments().get(1);
    assertEquals("/Other", other.getRoutePrefix(), "the route defaults to /<name>");
    assertEquals(3, other.getNumReplicas());
    assertEquals(8, other.getMaxBatchSize());
    assertEquals("columns", other.getHttpAdapter());

    Path json = dir.resolve("server.json");
    Files.writeString(
        json, "{\"port\": 0, \"deployments\": [{\"name\": \"J\", " + "\"checkpoint\": \"/m\"}]}");
    assertEquals(
        "J",
        ServeMain.parse(new String[] {"--config", json.toString()})
            .getDeployments()
            .get(0)
            .getName());
  }

  @Test
  void wrongArgumentsAreNamed(@TempDir Path dir) throws Exception {
    assertMessage("unknown argument '--prot'", "--prot", "8000");
    assertMessage("--port takes a number, got 'eighty'", "--port", "eighty");
    assertMessage("--port needs a value", "--port");
    assertMessage("key=value pairs", "--deployment", "name");
    assertMessage("needs a checkpoint", "--deployment", "name=A");
    assertMessage(
        "1 <= minReplicas <= numReplicas <= maxReplicas",
        "--deployment",
        "name=A,checkpoint=/m,replicas=3,maxReplicas=2");
    assertMessage(
        "unknown HTTP adapter 'pandas'", "--deployment", "name=A,checkpoint=/m,adapter=pandas");
    assertMessage(
        "the route prefix must start with '/'",
        "--deployment",
        "name=A,checkpoint=/m,route=rayair");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "prot: 1\n");
    assertMessage("cannot read the config file", "--config", bad.toString());
    Path negative = dir.resolve("negative.yaml");
    Files.writeString(negative, "shutdownQuietMs: -1\n");
    assertMessage("shutdownQuietMs must be >= 0", "--config", negative.toString());
  }

  private static void assertMessage(String text, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServeMain.parse(args));
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }
}
