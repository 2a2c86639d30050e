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

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to {@code air-serve} answers the requests in flight before the process ends. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SidecarShutdownIT {
  @Test
  void aGracefulShutdownAnswersTheRequestsInFlight(@TempDir Path dir) throws Exception {
    BreastCancerModel data = BreastCancerModel.load();
    String checkpoint = data.checkpoint(dir.resolve("model"), 5, 2);
    SidecarProcess sidecar =
        SidecarProcess.startWithTestClasses(
            "--port",
            "0",
            "--deployment",
            "name=Slow,checkpoint="
                + checkpoint
                + ",predictor="
                + SlowPredictor.class.getName()
                + ",maxBatchSize=1");
    try {
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int row = i;
        inFlight.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return sidecar.post("/Slow", List.of(data.record(row)));
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!sidecar
          .get("/metrics")
          .body()
          .contains("air_serve_queue_depth{deployment=\"Slow\"} 3")) {
        assertTrue(System.nanoTime() < deadline, "the requests did not queue up");
        Thread.sleep(20);
      }
      sidecar.process.destroy();
      for (int i = 0; i < inFlight.size(); i++) {
        HttpResponse<String> answer = inFlight.get(i).get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(
            data.expected(checkpoint, i, i + 1)[0],
            SidecarProcess.json(answer).get(0).get("probability").get(1).doubleValue(),
            1e-6);
      }
      assertTrue(sidecar.process.waitFor(30, TimeUnit.SECONDS), "the process ended");
    } finally {
      sidecar.close();
    }
  }
}
