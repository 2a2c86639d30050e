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
package io.sparkair.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import scala.Option;

/**
 * A Spark Connect client session, talking to a real Spark Connect server, is refused by {@code
 * Air.get} with a message that says why. Built on Spark 4.2 only (the plugin's pom says why not on
 * 4.0 and 3.5).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SparkConnectSessionTest {

  @Test
  void aSparkConnectSessionIsRefusedNamingTheClassicSessionItNeeds() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    SparkSession classic =
        SparkSession.builder()
            .master("local[1]")
            .appName("connect")
            .config("spark.ui.enabled", "false")
            .config("spark.connect.grpc.binding.port", String.valueOf(port))
            .getOrCreate();
    SparkConnectService.start(classic.sparkContext());
    try {
      SparkSession remote =
          SparkSession.builder()
              .config("spark.api.mode", "connect")
              .remote("sc://localhost:" + port)
              .getOrCreate();
      try {
        assertEquals(5, remote.range(5).count(), "a working Spark Connect session");
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> Air.get(remote));
        assertTrue(
            e.getMessage().contains("Spark AIR needs a classic Spark session")
                && e.getMessage().contains("Spark Connect client"),
            e.getMessage());
      } finally {
        remote.close();
      }
    } finally {
      SparkConnectService.stop(Option.empty(), Option.empty());
      classic.stop();
    }
  }
}
