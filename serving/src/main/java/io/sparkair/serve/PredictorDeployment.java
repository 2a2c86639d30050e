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

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.Predictor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a checkpoint to the serving sidecar from a driver program (Ray Serve's {@code
 * PredictorDeployment.options(...).bind(...)} and {@code serve.run}):
 *
 * <pre>{@code
 * String url = PredictorDeployment.options().name("XGBoostService").numReplicas(2)
 *     .routePrefix("/rayair")
 *     .deploy(XGBoostPredictor.class, result.checkpoint(), HttpAdapters.records());
 * }</pre>
 *
 * <p>The first deployment of a JVM starts a sidecar process ({@code air-serve.jar}, the jar given
 * by {@link Options#sidecarJar}, the {@code spark.air.serve.jar} system property or the {@code
 * AIR_SERVE_JAR} environment variable, with the jars of {@code spark.air.serve.classpath} or {@code
 * AIR_SERVE_CLASSPATH} added, such as DJL's to serve DJL checkpoints) on a free loopback port with
 * a random admin token (and, as {@code bin/air-serve} does, the class-data archive {@code
 * air-serve.jar.jsa} that makes later starts faster); later ones reuse it through its admin API, as
 * does a deployment given a running sidecar's URL and token with {@link Options#sidecar}. A started
 * sidecar stops with the JVM or with {@link #shutdown()}. This class needs neither Armeria nor
 * Spark: only the JDK's HTTP client and Jackson.
 *
 * <p>The class is long because it is the whole client: the options, starting the sidecar process
 * (with TLS when asked) and the admin call, with nothing but the JDK.
 */
public final class PredictorDeployment {
  private static final Logger LOG = LoggerFactory.getLogger(PredictorDeployment.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private static Sidecar started;

  private PredictorDeployment() {}

  /** A deployment's options, to set before {@link Options#deploy}. */
  public static Options options() {
    return new Options();
  }

  /** Stops the sidecar this JVM started, if any. */
  public static synchronized void shutdown() {
    if (started != null) {
      started.stop();
      started = null;
    }
  }

  /** A sidecar: its base URL, admin token, and the process when this JVM started it. */
  private static final class Sidecar {
    final String url;
    final String token;
    final Process process;

    Sidecar(String url, String token, Process process) {
      this.url = url;
      this.token = token;
      this.process = process;
    }

    void stop() {
      if (process != null) {
        process.destroy();
        try {
          if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
        }
      }
    }
  }

  /** The options of one deployment; the defaults are {@link DeploymentConfig}'s. */
  public static final class Options {
    private final DeploymentConfig config = new DeploymentConfig();
    private String sidecarUrl;
    private String adminToken;
    private String sidecarJar;
    private Path tlsCert;
    private Path tlsKey;

    private Options() {}

    /** The deployment's name (required). */
    public Options name(String name) {
      config.setName(name);
      return this;
    }

    /** The path requests are posted to; {@code /<name>} by default. */
    public Options routePrefix(String routePrefix) {
      config.setRoutePrefix(routePrefix);
      return this;
    }

    /** Replicas at start (1 by default). */
    public Options numReplicas(int replicas) {
      config.setNumReplicas(replicas);
      return this;
    }

    /** Autoscaling between {@code min} and {@code max} replicas. */
    public Options autoscaling(int min, int max, double targetOngoingRequests) {
      config
          .setMinReplicas(min)
          .setMaxReplicas(max)
          .setTargetOngoingRequests(targetOngoingRequests);
      return this;
    }

    /** Micro-batching: at most {@code rows} rows per predict call. */
    public Options maxBatchSize(int rows) {
      config.setMaxBatchSize(rows);
      return this;
    }

    /** A running sidecar to deploy to, instead of one this JVM starts. */
    public Options sidecar(String url, String adminToken) {
      this.sidecarUrl = Objects.requireNonNull(url, "url").replaceAll("/+$", "");
      this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
      return this;
    }

    /**
     * TLS: a sidecar this JVM starts serves HTTPS and gRPC over TLS with the certificate and
     * private key in these PEM files (the key PKCS#8; the certificate must name 127.0.0.1), and
     * this client trusts the certificate, for a sidecar given by {@link #sidecar} too (whose {@code
     * privateKey} may then be null). The first deployment of a JVM decides whether the sidecar it
     * starts speaks TLS.
     */
    public Options tls(Path certificate, Path privateKey) {
      this.tlsCert = Objects.requireNonNull(certificate, "certificate");
      this.tlsKey = privateKey;
      return this;
    }

    /** The {@code air-serve.jar} to start a sidecar from. */
    public Options sidecarJar(String jar) {
      this.sidecarJar = jar;
      return this;
    }

    /**
     * Deploys (or hot-swaps) the checkpoint and returns the URL to post rows to. The sidecar reads
     * the checkpoint's local directory: for a sidecar that outlives this JVM, deploy a checkpoint
     * written with {@code toDirectory} to a lasting place, since a temporary checkpoint's directory
     * is deleted when this JVM exits.
     *
     * @throws IllegalArgumentException when the sidecar refuses the deployment (its message says
     *     why: a wrong setting, a checkpoint it cannot load, a route in use)
     * @throws IllegalStateException when no sidecar can be reached or started
     */
    public String deploy(
        Class<? extends Predictor> predictor, Checkpoint checkpoint, HttpAdapter adapter) {
      config
          .setPredictor(predictor.getName())
          .setHttpAdapter(adapter.name())
          .setCheckpoint(checkpoint.path().toAbsolutePath().toString())
          .validate();
      Sidecar sidecar =
          sidecarUrl != null
              ? new Sidecar(sidecarUrl, adminToken, null)
              : startedSidecar(sidecarJar, tlsCert, tlsKey);
      HttpResponse<String> answer;
      try {
        answer =
            client(tlsCert)
                .send(
                    HttpRequest.newBuilder(
                            URI.create(sidecar.url + "/-/deployments/" + config.getName()))
                        .header("Authorization", "Bearer " + sidecar.token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(config)))
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException("cannot reach the sidecar at " + sidecar.url + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while deploying", e);
      }
      if (answer.statusCode() == 400) {
        throw new IllegalArgumentException(
            "the sidecar refused deployment " + config.getName() + ": " + answer.body());
      }
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "the sidecar answered " + answer.statusCode() + ": " + answer.body());
      }
      return sidecar.url + config.getRoutePrefix();
    }
  }

  /** The JDK's HTTP client, trusting {@code certificate} when it is given. */
  static HttpClient client(Path certificate) {
    if (certificate == null) {
      return HTTP;
    }
    try (InputStream pem = Files.newInputStream(certificate)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
        trusted.setCertificateEntry("air-serve-" + i++, c);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .sslContext(tls)
          .build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the TLS certificate " + certificate + ": " + e, e);
    }
  }

  private static synchronized Sidecar startedSidecar(String jar, Path tlsCert, Path tlsKey) {
    if (started != null && started.process.isAlive()) {
      if (started.url.startsWith("https:") != (tlsCert != null)) {
        throw new IllegalStateException(
            "this JVM's sidecar at "
                + started.url
                + " was started "
                + (tlsCert != null ? "without" : "with")
                + " TLS; a deployment cannot change that");
      }
      return started;
    }
    if (tlsCert != null && tlsKey == null) {
      throw new IllegalArgumentException(
          "a sidecar this JVM starts with TLS needs the private key too: tls(certificate, key)");
    }
    String path =
        jar != null
            ? jar
            : System.getProperty("spark.air.serve.jar", System.getenv("AIR_SERVE_JAR"));
    if (path == null || !new File(path).isFile()) {
      throw new IllegalStateException(
          "no air-serve.jar to start a sidecar from ("
              + path
              + "); set Options.sidecarJar, -Dspark.air.serve.jar or AIR_SERVE_JAR, or give a "
              + "running sidecar with Options.sidecar(url, token)");
    }
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    File archive = new File(path + ".jsa");
    String extra =
        System.getProperty("spark.air.serve.classpath", System.getenv("AIR_SERVE_CLASSPATH"));
    List<String> command =
        new ArrayList<>(
            List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xshare:auto",
                (archive.isFile() ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=")
                    + archive,
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp",
                extra == null || extra.isBlank() ? path : path + File.pathSeparator + extra,
                "io.sparkair.serve.ServeMain",
                "--port",
                "0"));
    if (tlsCert != null) {
      command.addAll(
          List.of(
              "--tls-cert", tlsCert.toAbsolutePath().toString(),
              "--tls-key", tlsKey.toAbsolutePath().toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AIR_SERVE_ADMIN_TOKEN", token);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the sidecar: " + e, e);
    }
    int listening = SidecarOutput.awaitPort(process, line -> LOG.debug("air-serve: {}", line));
    String scheme = tlsCert != null ? "https" : "http";
    Sidecar sidecar = new Sidecar(scheme + "://127.0.0.1:" + listening, token, process);
    Runtime.getRuntime().addShutdownHook(new Thread(sidecar::stop, "air-serve-stop"));
    LOG.info("started the serving sidecar at {}", sidecar.url);
    started = sidecar;
    return sidecar;
  }
}
