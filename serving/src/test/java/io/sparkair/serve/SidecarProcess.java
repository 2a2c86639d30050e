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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code air-serve} started from the built jar as a process of its own, and an HTTP client. */
final class SidecarProcess implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final Process process;
  final int port;
  final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final StringBuilder output;

  private SidecarProcess(Process process, int port, StringBuilder output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /**
   * Starts {@code java -jar air-serve.jar args...} and waits for it to listen; {@code
   * -Dair.serve.jvm.options} adds JVM options (a profiler).
   */
  static SidecarProcess start(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g"));
    command.addAll(jvmOptions());
    command.addAll(List.of("-jar", jar()));
    command.addAll(List.of(args));
    return start(command);
  }

  private static List<String> jvmOptions() {
    String options = System.getProperty("air.serve.jvm.options", "");
    return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }

  /**
   * Starts the sidecar with the test classes on its classpath too (for test predictors) and waits
   * for it to listen; {@code -Dair.serve.jvm.options} adds JVM options (a profiler).
   */
  static SidecarProcess startWithTestClasses(String... args) throws Exception {
    return startWithClasspath("", args);
  }

  /** As {@link #startWithTestClasses(String...)}, with {@code extraClasspath} added too. */
  static SidecarProcess startWithClasspath(String extraClasspath, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g"));
    command.addAll(jvmOptions());
    command.addAll(
        List.of(
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-cp",
            jar()
                + File.pathSeparator
                + SidecarProcess.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                + (extraClasspath.isEmpty() ? "" : File.pathSeparator + extraClasspath),
            ServeMain.class.getName()));
    command.addAll(List.of(args));
    return start(command);
  }

  private static String java() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  private static String jar() {
    String jar = System.getProperty("air.serve.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("air.serve.jar is not built: " + jar);
    }
    return jar;
  }

  /** Starts {@code command}, which runs the sidecar, and waits for it to listen. */
  static SidecarProcess start(List<String> command) throws Exception {
    return start(command, java.util.Map.of());
  }

  /** Starts {@code command} with {@code environment} added, and waits for the sidecar to listen. */
  static SidecarProcess start(List<String> command, java.util.Map<String, String> environment)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AIR_SERVE_JAR", jar());
    builder.environment().putAll(environment);
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    try {
      int port =
          SidecarOutput.awaitPort(
              process,
              line -> {
                synchronized (output) {
                  output.append(line).append('\n');
                }
              });
      return new SidecarProcess(process, port, output);
    } catch (IllegalStateException e) {
      synchronized (output) {
        throw new IllegalStateException(e.getMessage() + "; its output:\n" + output, e);
      }
    }
  }

  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> post(String path, Object body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    body instanceof String
                        ? ((String) body).getBytes(StandardCharsets.UTF_8)
                        : JSON.writeValueAsBytes(body)))
            .build());
  }

  /** An admin-API {@code PUT} of {@code body} as JSON with the admin token. */
  HttpResponse<String> put(String path, String token, Object body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build());
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * DJL's jars with its engines (PyTorch, ONNX Runtime) and what they need (JNA, Gson), from this
   * test's classpath: what AIR_SERVE_CLASSPATH adds for DJL checkpoints and model files.
   */
  static String djlJars() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            p ->
                p.contains("/ai/djl/")
                    || p.contains("/com/microsoft/onnxruntime/")
                    || p.contains("/net/java/dev/jna/")
                    || p.contains("/com/google/code/gson/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Asserts that {@code call} fails with gRPC status {@code code} and a description with text. */
  static void assertGrpcError(Status.Code code, String text, Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(code, e.getStatus().getCode(), e.toString());
    assertTrue(e.getStatus().getDescription().contains(text), e.getStatus().getDescription());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
