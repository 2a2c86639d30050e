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

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.XGBoostPredictor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The sidecar under load, on loopback, in one run: single-row JSON requests against the
 * breast-cancer XGBoost checkpoint (micro-batched, one replica) and against a predictor that does
 * no work (the server's ceiling), at 16 and 64 connections, driven by {@code wrk} (two threads,
 * sharing the machine's cores with the server); then the same checkpoint's predictor called in a
 * loop in process (the native loop), and the cold start from launching {@code bin/air-serve} to the
 * first answered request, on the first launch (which records the class-data archive) and on the
 * second (which maps it). An unreported run of each deployment (20 s, {@code -Dbench.warmup=N})
 * warms the server's JIT first: on two shared cores it takes about 40 s of load to reach full
 * speed. XGBoost4J's {@code inplace_predict} alone is timed too, for what the predictor's Java
 * trees replace.
 *
 * <p>Run: {@code scripts/install-bench-tools.sh && mvn -B -DskipTests install && mvn -B -pl serving
 * -Pbench test-compile exec:exec} ({@code -Dbench.args=-Dbench.seconds=N} per load run, 10 by
 * default).
 */
public final class ServeBenchmark {
  private static final long SECONDS = Long.getLong("bench.seconds", 10);
  private static final long WARM_UP = Long.getLong("bench.warmup", 20);
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

  private ServeBenchmark() {}

  public static void main(String[] args) throws Exception {
    BreastCancerModel data = BreastCancerModel.load();
    Path dir = Files.createTempDirectory("serve-bench");
    String checkpoint = data.checkpoint(dir.resolve("model"), 20, 3);
    Path body = dir.resolve("body.json");
    Files.write(body, SidecarProcess.JSON.writeValueAsBytes(List.of(data.record(0))));
    Path script = postScript(dir.resolve("post.lua"), body);

    if (System.getProperty("bench.only", "").equals("oip")) {
      openInference(data, checkpoint, dir, script);
      return;
    }
    double native1 = nativeLoop(checkpoint, data, 1);
    double native64 = nativeLoop(checkpoint, data, 64);
    System.out.printf(
        Locale.ROOT,
        "in-process XGBoostPredictor loop: %.0f calls/s of 1 row, "
            + "%.0f calls/s of 64 rows (%.0f rows/s)%n",
        native1,
        native64,
        native64 * 64);
    System.out.printf(
        Locale.ROOT,
        "XGBoost4J inplace_predict alone (no preprocessing): %.0f "
            + "calls/s of 1 row, %.0f calls/s of 64 rows%n",
        xgboostLoop(checkpoint, 1),
        xgboostLoop(checkpoint, 64));
    for (String launch : List.of("first", "second")) {
      long start = System.nanoTime();
      try (SidecarProcess sidecar =
          SidecarProcess.start(
              List.of(
                  "bash",
                  Path.of("..", "bin", "air-serve").toString(),
                  "--port",
                  "0",
                  "--deployment",
                  "name=model,checkpoint=" + checkpoint),
              Map.of("AIR_SERVE_CDS", dir.resolve("air-serve.jsa").toString()))) {
        while (sidecar.post("/model", List.of(data.record(0))).statusCode() != 200) {
          Thread.sleep(5);
        }
        System.out.printf(
            Locale.ROOT,
            "cold start with bin/air-serve, %s launch, to the " + "first answer: %.2f s%n",
            launch,
            (System.nanoTime() - start) / 1e9);
      }
    }
    try (SidecarProcess sidecar =
        SidecarProcess.startWithTestClasses(
            "--port",
            "0",
            "--deployment",
            "name=model,checkpoint=" + checkpoint,
            "--deployment",
            "name=none,checkpoint=" + checkpoint + ",predictor=" + NoOpPredictor.class.getName())) {
      wrk(sidecar.port, "/none", script, 64, WARM_UP);
      wrk(sidecar.port, "/model", script, 64, WARM_UP);
      for (int connections : new int[] {16, 64}) {
        Load ceiling = wrk(sidecar.port, "/none", script, connections, SECONDS);
        Load model = wrk(sidecar.port, "/model", script, connections, SECONDS);
        System.out.printf(
            Locale.ROOT,
            "%d connections: no model %.0f req/s (p50 %.2f ms, p99 "
                + "%.2f ms); XGBoost %.0f req/s (p50 %.2f ms, p99 %.2f ms) = %.2f of the ceiling, "
                + "%.2f of the in-process loop's 1-row calls%n",
            connections,
            ceiling.perSecond,
            ceiling.p50,
            ceiling.p99,
            model.perSecond,
            model.p50,
            model.p99,
            model.perSecond / ceiling.perSecond,
            model.perSecond / native1);
      }
    }
  }

  /**
   * Single-row requests through the Open Inference Protocol's {@code /v2/models/model/infer} (30
   * FP64 inputs of shape [1], their fields in the specification's order) against the same rows
   * through the sidecar's JSON route, in the same sidecar, alternating, {@code bench.rounds} times
   * (default 3) at 16 and 64 connections.
   */
  private static void openInference(
      BreastCancerModel data, String checkpoint, Path dir, Path recordScript) throws Exception {
    List<Map<String, Object>> inputs = new java.util.ArrayList<>();
    for (String feature : data.features) {
      Map<String, Object> input = new java.util.LinkedHashMap<>();
      input.put("name", feature);
      input.put("shape", List.of(1));
      input.put("datatype", "FP64");
      input.put("data", List.of(data.record(0).get(feature)));
      inputs.add(input);
    }
    Path body = dir.resolve("infer.json");
    Files.write(body, SidecarProcess.JSON.writeValueAsBytes(Map.of("inputs", inputs)));
    Path script = postScript(dir.resolve("infer.lua"), body);
    int rounds = Integer.getInteger("bench.rounds", 3);
    try (SidecarProcess sidecar =
        SidecarProcess.start(
            "--port", "0", "--deployment", "name=model,checkpoint=" + checkpoint)) {
      wrk(sidecar.port, "/model", recordScript, 64, WARM_UP);
      wrk(sidecar.port, "/v2/models/model/infer", script, 64, WARM_UP);
      for (int connections : new int[] {16, 64}) {
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          Load json = wrk(sidecar.port, "/model", recordScript, connections, SECONDS);
          Load oip = wrk(sidecar.port, "/v2/models/model/infer", script, connections, SECONDS);
          ratios[r] = oip.perSecond / json.perSecond;
          System.out.printf(
              Locale.ROOT,
              "%d connections, round %d: JSON route %.0f req/s (p99 %.2f ms), Open Inference"
                  + " Protocol %.0f req/s (p99 %.2f ms), ratio %.2f%n",
              connections,
              r + 1,
              json.perSecond,
              json.p99,
              oip.perSecond,
              oip.p99,
              ratios[r]);
        }
        java.util.Arrays.sort(ratios);
        System.out.printf(
            Locale.ROOT,
            "%d connections: ratio median %.2f [%.2f-%.2f]%n",
            connections,
            ratios[rounds / 2],
            ratios[0],
            ratios[rounds - 1]);
      }
    }
  }

  /** A wrk script, written to {@code script}, that posts the JSON in {@code body}. */
  private static Path postScript(Path script, Path body) throws Exception {
    return Files.writeString(
        script,
        "wrk.method = \"POST\"\n"
            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
            + "local f = io.open(\""
            + body
            + "\")\nwrk.body = f:read(\"*a\")\nf:close()\n");
  }

  /** Throughput and latency (ms) of one wrk run. */
  private static final class Load {
    final double perSecond;
    final double p50;
    final double p99;

    Load(double perSecond, double p50, double p99) {
      this.perSecond = perSecond;
      this.p50 = p50;
      this.p99 = p99;
    }
  }

  private static Load wrk(int port, String path, Path script, int connections, long seconds)
      throws Exception {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port + path)
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0 || out.contains("Non-2xx")) {
      throw new IllegalStateException("wrk failed or saw errors:\n" + out);
    }
    return new Load(number(RATE, out), millis(P50, out), millis(P99, out));
  }

  private static double number(Pattern pattern, String out) {
    Matcher m = pattern.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + out);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double millis(Pattern pattern, String out) {
    Matcher m = pattern.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + out);
    }
    double v = Double.parseDouble(m.group(1));
    return m.group(2).equals("us") ? v / 1000 : m.group(2).equals("s") ? v * 1000 : v;
  }

  private static double xgboostLoop(String checkpoint, int rows) throws Exception {
    Booster booster = XGBoost.loadModel(Path.of(checkpoint, "model", "model.json").toString());
    try {
      booster.setParam("nthread", 1);
      float[] values = new float[rows * 30];
      java.util.Arrays.fill(values, 0.5f);
      return callsPerSecond(() -> booster.inplace_predict(values, rows, 30, Float.NaN));
    } finally {
      booster.dispose();
    }
  }

  /** A call that may throw. */
  private interface Call {
    void run() throws Exception;
  }

  /** Calls per second over 3 s, after 1 s of warm-up. */
  private static double callsPerSecond(Call call) throws Exception {
    long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (System.nanoTime() < warm) {
      call.run();
    }
    long calls = 0;
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < end) {
      call.run();
      calls++;
    }
    return calls / ((System.nanoTime() - start) / 1e9);
  }

  private static double nativeLoop(String checkpoint, BreastCancerModel data, int rows)
      throws Exception {
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = data.batch(allocator, 0, rows);
        XGBoostPredictor predictor =
            XGBoostPredictor.fromCheckpoint(Checkpoint.fromDirectory(checkpoint))) {
      return callsPerSecond(() -> predictor.predict(batch).close());
    }
  }
}
