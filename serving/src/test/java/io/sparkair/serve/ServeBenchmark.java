package io.sparkair.serve;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.XGBoostPredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The sidecar under load, on loopback, in one run: single-row JSON requests against the
 * breast-cancer XGBoost checkpoint (micro-batched, one replica) and against a predictor that
 * does no work (the server's ceiling), at 16 and 64 connections, from a closed-loop Armeria
 * client in this JVM sharing the machine's cores; then the same checkpoint's predictor called
 * in a loop in process (the native loop), and the cold start from launching {@code air-serve}
 * to the first answered request.
 *
 * <p>Run: {@code mvn -B -DskipTests install && mvn -B -pl serving -Pbench test-compile
 * exec:exec} ({@code -Dbench.seconds=10} per load run by default).
 */
public final class ServeBenchmark {
  private static final long SECONDS = Long.getLong("bench.seconds", 10);

  private ServeBenchmark() {}

  public static void main(String[] args) throws Exception {
    BreastCancerModel data = BreastCancerModel.load();
    Path dir = Files.createTempDirectory("serve-bench");
    String checkpoint = data.checkpoint(dir.resolve("model"), 20, 3);
    byte[] body = SidecarProcess.JSON.writeValueAsBytes(List.of(data.record(0)));

    long launch = System.nanoTime();
    try (SidecarProcess sidecar = SidecarProcess.startWithTestClasses("--port", "0",
        "--deployment", "name=model,checkpoint=" + checkpoint,
        "--deployment", "name=none,checkpoint=" + checkpoint + ",predictor="
            + NoOpPredictor.class.getName())) {
      while (sidecar.post("/model", List.of(data.record(0))).statusCode() != 200) {
        Thread.sleep(5);
      }
      double coldStart = (System.nanoTime() - launch) / 1e9;
      System.out.printf(Locale.ROOT, "cold start, launch to first answer: %.2f s%n",
          coldStart);
      for (int connections : new int[] {16, 64}) {
        Load ceiling = load(sidecar.port, "/none", body, connections);
        Load model = load(sidecar.port, "/model", body, connections);
        System.out.printf(Locale.ROOT, "%d connections: no model %.0f req/s (p50 %.2f ms, p99 "
            + "%.2f ms); XGBoost %.0f req/s (p50 %.2f ms, p99 %.2f ms) = %.2f of the ceiling%n",
            connections, ceiling.perSecond, ceiling.p50, ceiling.p99, model.perSecond, model.p50,
            model.p99, model.perSecond / ceiling.perSecond);
      }
    }
    double native1 = nativeLoop(checkpoint, data, 1);
    double native64 = nativeLoop(checkpoint, data, 64);
    System.out.printf(Locale.ROOT, "in-process XGBoostPredictor loop: %.0f calls/s of 1 row, "
        + "%.0f calls/s of 64 rows (%.0f rows/s)%n", native1, native64, native64 * 64);
  }

  /** Throughput and latency of a closed loop of {@code connections} clients. */
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

  private static Load load(int port, String path, byte[] body, int connections)
      throws Exception {
    ClientFactory factory = ClientFactory.builder().build();
    WebClient client = WebClient.builder("h1c://127.0.0.1:" + port).factory(factory)
        .responseTimeoutMillis(10_000).build();
    RequestHeaders headers = RequestHeaders.builder(HttpMethod.POST, path)
        .contentType(MediaType.JSON_UTF_8).build();
    ConcurrentHistogram latencies = new ConcurrentHistogram(3);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch stopped = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      loop(client, headers, body, latencies, done, failed, measuring, running, stopped);
    }
    Thread.sleep(2_000);
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
    long count = done.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    running.set(false);
    stopped.await(30, TimeUnit.SECONDS);
    factory.close();
    if (failed.get() > 0) {
      System.out.println("  " + failed.get() + " requests failed");
    }
    return new Load(count / seconds, latencies.getValueAtPercentile(50) / 1e6,
        latencies.getValueAtPercentile(99) / 1e6);
  }

  private static void loop(WebClient client, RequestHeaders headers, byte[] body,
      ConcurrentHistogram latencies, AtomicLong done, AtomicLong failed,
      AtomicBoolean measuring, AtomicBoolean running, CountDownLatch stopped) {
    if (!running.get()) {
      stopped.countDown();
      return;
    }
    long start = System.nanoTime();
    client.execute(HttpRequest.of(headers, com.linecorp.armeria.common.HttpData.wrap(body)))
        .aggregate().whenComplete((AggregatedHttpResponse r, Throwable e) -> {
          if (measuring.get()) {
            if (e != null || r.status().code() != 200) {
              failed.incrementAndGet();
            } else {
              latencies.recordValue(System.nanoTime() - start);
              done.incrementAndGet();
            }
          }
          loop(client, headers, body, latencies, done, failed, measuring, running, stopped);
        });
  }

  private static double nativeLoop(String checkpoint, BreastCancerModel data, int rows) {
    try (RootAllocator allocator = new RootAllocator();
        XGBoostPredictor predictor = XGBoostPredictor.fromCheckpoint(
            Checkpoint.fromDirectory(checkpoint))) {
      VectorSchemaRoot batch = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo
          .Schema(data.features.stream().map(f -> org.apache.arrow.vector.types.pojo.Field
              .nullable(f, new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(
                  org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE)))
              .collect(java.util.stream.Collectors.toList())), allocator);
      batch.allocateNew();
      for (int c = 0; c < data.features.size(); c++) {
        Float8Vector v = (Float8Vector) batch.getVector(c);
        for (int r = 0; r < rows; r++) {
          v.setSafe(r, data.rows[r][c]);
        }
        v.setValueCount(rows);
      }
      batch.setRowCount(rows);
      long calls = 0;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      long start = System.nanoTime();
      while (System.nanoTime() < end) {
        predictor.predict(batch).close();
        calls++;
      }
      double perSecond = calls / ((System.nanoTime() - start) / 1e9);
      batch.close();
      return perSecond;
    }
  }
}
