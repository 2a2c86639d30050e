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

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One deployment (Ray Serve's {@code PredictorDeployment.options(...)}): a name, the route prefix
 * it answers on, the checkpoint directory and predictor class it serves, and how: replicas,
 * micro-batching, autoscaling and the queue bound. It reads from JSON or YAML with these property
 * names ({@code replicas}, {@code route} and {@code adapter} are accepted as short forms of {@code
 * numReplicas}, {@code routePrefix} and {@code httpAdapter}).
 *
 * <p>Defaults: one replica, no autoscaling ({@code maxReplicas} equal to the replicas), batches of
 * whatever is queued up to 64 rows without waiting, 1,000 queued requests, the {@code records} HTTP
 * adapter, the built-in predictor of the checkpoint's framework ({@code XGBoostPredictor}, {@code
 * LightGBMPredictor}).
 *
 * <p>The class is a little over 300 lines because each setting has its documented, checked setter
 * and its getter, as a builder of many settings does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class DeploymentConfig {
  private String name;
  private String routePrefix;
  private String checkpoint;
  private String predictor;
  private int numReplicas = 1;
  private Integer minReplicas;
  private Integer maxReplicas;
  private double targetOngoingRequests = 2;
  private long upscaleDelayMs = 1_000;
  private long downscaleDelayMs = 5_000;
  private int maxBatchSize = 64;
  private long batchWaitTimeoutMicros;
  private int maxQueuedRequests = 1_000;
  private String httpAdapter = "records";

  /** An empty configuration; {@link #validate()} says what is missing. */
  public DeploymentConfig() {}

  /** The deployment's name: letters, digits, '_', '.' or '-'; required. */
  public String getName() {
    return name;
  }

  /**
   * Sets the deployment's name: letters, digits, '_', '.' or '-' (checked by {@link #validate}).
   */
  public DeploymentConfig setName(String name) {
    this.name = name;
    return this;
  }

  /** The path requests are posted to, e.g. {@code /rayair}; {@code /<name>} by default. */
  public String getRoutePrefix() {
    return routePrefix != null ? routePrefix : name == null ? null : "/" + name;
  }

  /**
   * Sets the path requests are posted to: starting with '/', not ending with '/', and neither under
   * {@code /-/} nor {@code /metrics} (checked by {@link #validate}); {@code /<name>} by default.
   */
  @JsonAlias("route")
  public DeploymentConfig setRoutePrefix(String routePrefix) {
    this.routePrefix = routePrefix;
    return this;
  }

  /** The checkpoint directory, on the sidecar's file system. */
  public String getCheckpoint() {
    return checkpoint;
  }

  /** Sets the checkpoint directory, on the sidecar's file system; required. */
  public DeploymentConfig setCheckpoint(String checkpoint) {
    this.checkpoint = checkpoint;
    return this;
  }

  /**
   * The predictor class: a {@code io.sparkair.predict.Predictor} with a static {@code
   * fromCheckpoint(Checkpoint)}; null (the default) for the built-in one of the checkpoint's
   * framework.
   */
  public String getPredictor() {
    return predictor;
  }

  /**
   * Sets the predictor class name; null (the default) for the built-in one of the checkpoint's
   * framework.
   */
  public DeploymentConfig setPredictor(String predictor) {
    this.predictor = predictor;
    return this;
  }

  /** Replicas at start. */
  public int getNumReplicas() {
    return numReplicas;
  }

  /**
   * Sets the replicas at start; at least 1, between the minimum and maximum replicas (checked by
   * {@link #validate}).
   */
  @JsonAlias("replicas")
  public DeploymentConfig setNumReplicas(int numReplicas) {
    this.numReplicas = numReplicas;
    return this;
  }

  /** The fewest replicas autoscaling keeps; the starting count by default. */
  public int getMinReplicas() {
    return minReplicas != null ? minReplicas : numReplicas;
  }

  /** Sets the fewest replicas autoscaling keeps; at least 1 and at most the starting count. */
  public DeploymentConfig setMinReplicas(int minReplicas) {
    this.minReplicas = minReplicas;
    return this;
  }

  /** The most replicas autoscaling starts; the starting count (no autoscaling) by default. */
  public int getMaxReplicas() {
    return maxReplicas != null ? maxReplicas : numReplicas;
  }

  /**
   * Sets the most replicas autoscaling starts; at least the starting count, which is the default.
   */
  public DeploymentConfig setMaxReplicas(int maxReplicas) {
    this.maxReplicas = maxReplicas;
    return this;
  }

  /** Ongoing requests (queued or being predicted) per replica that autoscaling aims at. */
  public double getTargetOngoingRequests() {
    return targetOngoingRequests;
  }

  /**
   * Sets the ongoing requests per replica that autoscaling aims at; must be positive, 2 by default.
   */
  public DeploymentConfig setTargetOngoingRequests(double target) {
    this.targetOngoingRequests = target;
    return this;
  }

  /** How long the load stays above target before a replica is added. */
  public long getUpscaleDelayMs() {
    return upscaleDelayMs;
  }

  /**
   * Sets how long, in milliseconds, the load stays above target before a replica is added; not
   * negative, 1,000 by default.
   */
  public DeploymentConfig setUpscaleDelayMs(long delay) {
    this.upscaleDelayMs = delay;
    return this;
  }

  /** How long the load stays below target before a replica is removed. */
  public long getDownscaleDelayMs() {
    return downscaleDelayMs;
  }

  /**
   * Sets how long, in milliseconds, the load stays below target before a replica is removed; not
   * negative, 5,000 by default.
   */
  public DeploymentConfig setDownscaleDelayMs(long delay) {
    this.downscaleDelayMs = delay;
    return this;
  }

  /** The most rows a replica predicts in one call; 1 turns micro-batching off. */
  public int getMaxBatchSize() {
    return maxBatchSize;
  }

  /**
   * Sets the most rows a replica predicts in one call; at least 1 (which turns micro-batching off),
   * 64 by default.
   */
  public DeploymentConfig setMaxBatchSize(int maxBatchSize) {
    this.maxBatchSize = maxBatchSize;
    return this;
  }

  /**
   * How long a replica waits for more requests to fill a batch; 0 (the default) takes what is
   * queued and waits for nothing.
   */
  public long getBatchWaitTimeoutMicros() {
    return batchWaitTimeoutMicros;
  }

  /**
   * Sets how long, in microseconds, a replica waits for more requests to fill a batch; not
   * negative, 0 by default.
   */
  public DeploymentConfig setBatchWaitTimeoutMicros(long micros) {
    this.batchWaitTimeoutMicros = micros;
    return this;
  }

  /** Requests waiting beyond this many are refused with 503. */
  public int getMaxQueuedRequests() {
    return maxQueuedRequests;
  }

  /**
   * Sets how many requests may wait before more are refused with 503; at least 1, 1,000 by default.
   */
  public DeploymentConfig setMaxQueuedRequests(int maxQueuedRequests) {
    this.maxQueuedRequests = maxQueuedRequests;
    return this;
  }

  /** The {@link HttpAdapters} name: {@code records}, {@code columns} or {@code object}. */
  public String getHttpAdapter() {
    return httpAdapter;
  }

  /**
   * Sets the {@link HttpAdapters} name: {@code records} (the default), {@code columns} or {@code
   * object}.
   */
  @JsonAlias("adapter")
  public DeploymentConfig setHttpAdapter(String httpAdapter) {
    this.httpAdapter = httpAdapter;
    return this;
  }

  /**
   * Checks the configuration.
   *
   * @return this
   * @throws IllegalArgumentException naming the wrong setting
   */
  public DeploymentConfig validate() {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(
          "a deployment needs a name of letters, digits, '_', " + "'.' or '-', got '" + name + "'");
    }
    String route = getRoutePrefix();
    if (!route.startsWith("/")
        || route.startsWith("/-/")
        || route.equals("/metrics")
        || route.length() > 1 && route.endsWith("/")) {
      throw new IllegalArgumentException(
          "deployment "
              + name
              + ": the route prefix must start "
              + "with '/', not end with '/', and not be /-/... or /metrics; got '"
              + route
              + "'");
    }
    if (checkpoint == null || checkpoint.isBlank()) {
      throw new IllegalArgumentException("deployment " + name + " needs a checkpoint");
    }
    if (numReplicas < 1
        || getMinReplicas() < 1
        || getMinReplicas() > numReplicas
        || getMaxReplicas() < numReplicas) {
      throw new IllegalArgumentException(
          "deployment "
              + name
              + " needs 1 <= minReplicas <= "
              + "numReplicas <= maxReplicas, got "
              + getMinReplicas()
              + ", "
              + numReplicas
              + ", "
              + getMaxReplicas());
    }
    if (maxBatchSize < 1
        || maxQueuedRequests < 1
        || batchWaitTimeoutMicros < 0
        || !(targetOngoingRequests > 0)
        || upscaleDelayMs < 0
        || downscaleDelayMs < 0) {
      throw new IllegalArgumentException(
          "deployment "
              + name
              + " needs maxBatchSize >= 1, "
              + "maxQueuedRequests >= 1, batchWaitTimeoutMicros >= 0, targetOngoingRequests > 0 "
              + "and delays >= 0");
    }
    HttpAdapters.byName(httpAdapter);
    return this;
  }

  @Override
  public String toString() {
    return "DeploymentConfig("
        + name
        + " at "
        + getRoutePrefix()
        + ", "
        + checkpoint
        + ", "
        + numReplicas
        + " replicas)";
  }
}
