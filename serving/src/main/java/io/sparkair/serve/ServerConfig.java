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

import java.util.ArrayList;
import java.util.List;

/**
 * How the sidecar runs: the address it listens on (port 0 picks a free one), the admin token (none:
 * the admin API is off), the request size limit, how long a shutdown waits for requests in flight,
 * and the deployments to start with. It reads from JSON or YAML with these property names.
 */
public final class ServerConfig {
  private String host = "127.0.0.1";
  private int port = 8000;
  private String adminToken;
  private String tlsCert;
  private String tlsKey;
  private long maxRequestBytes = 1 << 20;
  private long shutdownQuietMs = 500;
  private List<DeploymentConfig> deployments = new ArrayList<>();

  /** Port 8000 on the loopback interface, no deployments, no admin API. */
  public ServerConfig() {}

  /** The interface the sidecar listens on; {@code 127.0.0.1} by default. */
  public String getHost() {
    return host;
  }

  /** Sets the interface the sidecar listens on, a host name or IP address. */
  public ServerConfig setHost(String host) {
    this.host = host;
    return this;
  }

  /** The port the sidecar listens on; 8000 by default, 0 for a free one. */
  public int getPort() {
    return port;
  }

  /**
   * Sets the port the sidecar listens on: 0 picks a free one; must be in 0..65535, else
   * IllegalArgumentException.
   */
  public ServerConfig setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    this.port = port;
    return this;
  }

  /** The bearer token the admin API wants, or null when the admin API is off. */
  public String getAdminToken() {
    return adminToken;
  }

  /** Sets the bearer token the admin API wants; null (the default) turns the admin API off. */
  public ServerConfig setAdminToken(String adminToken) {
    this.adminToken = adminToken;
    return this;
  }

  /** The PEM file of the TLS certificate (chain), or null when the server speaks plain HTTP. */
  public String getTlsCert() {
    return tlsCert;
  }

  /**
   * Serves HTTPS and gRPC over TLS with the certificate (chain) in this PEM file and the key of
   * {@link #setTlsKey}; the port then also answers plain HTTP, except for the admin API.
   */
  public ServerConfig setTlsCert(String tlsCert) {
    this.tlsCert = tlsCert;
    return this;
  }

  /** The PEM file (PKCS#8) of the TLS certificate's private key, or null. */
  public String getTlsKey() {
    return tlsKey;
  }

  /** Sets the PEM file (PKCS#8, {@code BEGIN PRIVATE KEY}) of the certificate's private key. */
  public ServerConfig setTlsKey(String tlsKey) {
    this.tlsKey = tlsKey;
    return this;
  }

  /**
   * Whether the server speaks TLS.
   *
   * @throws IllegalArgumentException when only one of the certificate and key is given, or one
   *     names no file
   */
  boolean tlsOn() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException(
          "--tls-cert and --tls-key go together; got only "
              + (tlsCert == null ? "--tls-key " + tlsKey : "--tls-cert " + tlsCert));
    }
    for (String file : new String[] {tlsCert, tlsKey}) {
      if (file != null && !new java.io.File(file).isFile()) {
        throw new IllegalArgumentException("TLS file " + file + " is not a file");
      }
    }
    return tlsCert != null;
  }

  /** Bodies larger than this are refused with 413; 1 MiB by default. */
  public long getMaxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * Sets the largest request body accepted, in bytes; must be positive, else
   * IllegalArgumentException.
   */
  public ServerConfig setMaxRequestBytes(long maxRequestBytes) {
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be > 0, got " + maxRequestBytes);
    }
    this.maxRequestBytes = maxRequestBytes;
    return this;
  }

  /** How long a shutdown waits with no request in flight before it stops; 500 ms by default. */
  public long getShutdownQuietMs() {
    return shutdownQuietMs;
  }

  /**
   * Sets how long, in milliseconds, a shutdown waits with no request in flight before it stops;
   * must not be negative.
   */
  public ServerConfig setShutdownQuietMs(long shutdownQuietMs) {
    if (shutdownQuietMs < 0) {
      throw new IllegalArgumentException("shutdownQuietMs must be >= 0, got " + shutdownQuietMs);
    }
    this.shutdownQuietMs = shutdownQuietMs;
    return this;
  }

  /** The deployments to start with; the list itself, not a copy. */
  public List<DeploymentConfig> getDeployments() {
    return deployments;
  }

  /** Replaces the deployments to start with by a copy of {@code deployments}. */
  public ServerConfig setDeployments(List<DeploymentConfig> deployments) {
    this.deployments = new ArrayList<>(deployments);
    return this;
  }

  /** Adds a deployment to start with. */
  public ServerConfig addDeployment(DeploymentConfig deployment) {
    deployments.add(deployment);
    return this;
  }
}
