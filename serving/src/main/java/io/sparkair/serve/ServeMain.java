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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code air-serve}, the sidecar's command line:
 *
 * <pre>
 * air-serve [--host H] [--port P] [--admin-token T] [--max-request-bytes N]
 *           [--tls-cert cert.pem --tls-key key.pem]
 *           [--deployment name=N,route=/r,checkpoint=/path,replicas=2,...]...
 *           [--config server.yaml|server.json]
 * </pre>
 *
 * A {@code --deployment} takes any {@link DeploymentConfig} property as {@code key=value}; a config
 * file holds a {@link ServerConfig} (command-line flags override it). The admin token may also come
 * from the {@code AIR_SERVE_ADMIN_TOKEN} environment variable. Once serving, it prints {@code
 * air-serve listening on port P}; it stops gracefully on SIGTERM or Ctrl-C.
 */
public final class ServeMain {
  /**
   * Armeria loads BoringSSL at start unless told not to; not loading it saves about 0.3 s of the
   * cold start, and TLS ({@code --tls-cert}) then uses the JDK's.
   */
  private static final String OPENSSL_FLAG = "com.linecorp.armeria.useOpenSsl";

  private ServeMain() {}

  /**
   * Runs the sidecar with the command-line arguments described above until it is stopped; bad
   * arguments print a message and exit with status 2.
   */
  public static void main(String[] args) throws Exception {
    if (System.getProperty(OPENSSL_FLAG) == null) {
      System.setProperty(OPENSSL_FLAG, "false");
    }
    ServerConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("air-serve: " + e.getMessage());
      System.exit(2);
      return;
    }
    SidecarServer server = SidecarServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "air-serve-shutdown"));
    System.out.println(SidecarOutput.LISTENING + server.port());
    System.out.flush();
    stopped.await();
  }

  /**
   * The server configuration the arguments give.
   *
   * @throws IllegalArgumentException naming a wrong argument
   */
  static ServerConfig parse(String[] args) throws IOException {
    ServerConfig config = new ServerConfig();
    for (int i = 0; i < args.length; i++) {
      if ("--config".equals(args[i])) {
        config = readFile(Path.of(value(args, i++)));
      }
    }
    List<DeploymentConfig> deployments = new ArrayList<>(config.getDeployments());
    String token = System.getenv("AIR_SERVE_ADMIN_TOKEN");
    if (token != null && !token.isEmpty()) {
      config.setAdminToken(token);
    }
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--config":
          i++;
          break;
        case "--host":
          config.setHost(value(args, i++));
          break;
        case "--port":
          config.setPort(number(flag, value(args, i++)));
          break;
        case "--admin-token":
          config.setAdminToken(value(args, i++));
          break;
        case "--tls-cert":
          config.setTlsCert(value(args, i++));
          break;
        case "--tls-key":
          config.setTlsKey(value(args, i++));
          break;
        case "--max-request-bytes":
          config.setMaxRequestBytes(number(flag, value(args, i++)));
          break;
        case "--deployment":
          deployments.add(deployment(value(args, i++)));
          break;
        default:
          throw new IllegalArgumentException(
              "unknown argument '"
                  + flag
                  + "'; see the "
                  + "ServeMain documentation for the flags");
      }
    }
    config.tlsOn();
    return config.setDeployments(deployments);
  }

  private static ServerConfig readFile(Path file) throws IOException {
    String name = file.getFileName().toString();
    byte[] content = Files.readAllBytes(file);
    try {
      return (name.endsWith(".yaml") || name.endsWith(".yml")
              ? ConfigMapper.YAML
              : ConfigMapper.JSON)
          .readValue(content, ServerConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the config file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A deployment from {@code key=value,key=value}. */
  static DeploymentConfig deployment(String spec) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--deployment takes key=value pairs separated by " + "commas, got '" + pair + "'");
      }
      properties.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    try {
      return ConfigMapper.JSON.convertValue(properties, DeploymentConfig.class).validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--deployment " + spec + ": " + e.getMessage(), e);
    }
  }

  private static String value(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " takes a number, got '" + value + "'");
    }
  }
}
