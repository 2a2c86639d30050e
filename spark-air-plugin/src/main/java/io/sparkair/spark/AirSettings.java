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
package io.sparkair.spark;

import io.sparkair.runtime.Internal;
import io.sparkair.runtime.RuntimeConfig;
import io.sparkair.runtime.transport.Secret;
import java.io.Serializable;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The settings every runtime of one application shares: the secret, the head's address and the
 * {@code spark.air.*} configuration. Travels from the driver to executors through the plugin's
 * extra configuration (or inside the attach job's tasks).
 */
public final class AirSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Share of an executor's maximum heap its object store keeps in memory (default 0.3). */
  public static final String STORE_FRACTION = "spark.air.store.memoryFraction";

  /** The largest actor call or reply in bytes (default 64 MiB). */
  public static final String MAX_MESSAGE_BYTES = "spark.air.rpc.maxMessageBytes";

  /** The port every runtime listens on (default 0: any free port). */
  public static final String PORT = "spark.air.rpc.port";

  /** The port every runtime takes actor calls on (default 0: any free port). */
  public static final String CALL_PORT = "spark.air.rpc.callPort";

  /** Seconds to wait for Spark task slots for an actor group (default 60). */
  public static final String SLOT_TIMEOUT = "spark.air.slots.timeoutSeconds";

  private static final String SECRET_KEY = "secret";
  private static final String HEAD_KEY = "head";

  /** The application's secret, as text. */
  private final String secret;

  /** The head runtime's address, host:port. */
  private final String headAddress;

  /** Share of an executor's maximum heap its object store keeps in memory; in (0, 1). */
  private final double storeFraction;

  /** The largest actor call or reply, in bytes. */
  private final int maxMessageBytes;

  /** The port every runtime listens on, or 0 for any free port. */
  private final int port;

  /** The port every runtime takes actor calls on, or 0 for any free port. */
  private final int callPort;

  private AirSettings(
      String secret,
      String headAddress,
      double storeFraction,
      int maxMessageBytes,
      int port,
      int callPort) {
    if (!(storeFraction > 0 && storeFraction < 1)) {
      throw new IllegalArgumentException(
          STORE_FRACTION + " must be in (0, 1), got " + storeFraction);
    }
    this.secret = secret;
    this.headAddress = headAddress;
    this.storeFraction = storeFraction;
    this.maxMessageBytes = maxMessageBytes;
    this.port = port;
    this.callPort = callPort;
  }

  /** Reads the {@code spark.air.*} settings from a Spark configuration. */
  @Internal
  public static AirSettings fromConf(SparkConf conf, String secret, String headAddress) {
    return new AirSettings(
        secret,
        headAddress,
        conf.getDouble(STORE_FRACTION, RuntimeConfig.DEFAULT_STORE_FRACTION),
        conf.getInt(MAX_MESSAGE_BYTES, RuntimeConfig.DEFAULT_MAX_MESSAGE_BYTES),
        conf.getInt(PORT, 0),
        conf.getInt(CALL_PORT, 0));
  }

  /** The same settings with the head's address filled in. */
  @Internal
  public AirSettings withHead(String address) {
    return new AirSettings(secret, address, storeFraction, maxMessageBytes, port, callPort);
  }

  /** The form passed to executor plugins. */
  @Internal
  public Map<String, String> toMap() {
    return Map.of(
        SECRET_KEY,
        secret,
        HEAD_KEY,
        headAddress,
        STORE_FRACTION,
        Double.toString(storeFraction),
        MAX_MESSAGE_BYTES,
        Integer.toString(maxMessageBytes),
        PORT,
        Integer.toString(port),
        CALL_PORT,
        Integer.toString(callPort));
  }

  /** Reads the form made by {@link #toMap()}. */
  @Internal
  public static AirSettings fromMap(Map<String, String> map) {
    String secret = map.get(SECRET_KEY);
    String head = map.get(HEAD_KEY);
    if (secret == null || head == null) {
      throw new IllegalArgumentException(
          "the Spark AIR driver plugin did not pass its settings "
              + "(is spark.plugins set to io.sparkair.plugin.AirPlugin on the driver too?)");
    }
    return new AirSettings(
        secret,
        head,
        Double.parseDouble(map.get(STORE_FRACTION)),
        Integer.parseInt(map.get(MAX_MESSAGE_BYTES)),
        Integer.parseInt(map.get(PORT)),
        Integer.parseInt(map.getOrDefault(CALL_PORT, "0")));
  }

  /** The head runtime's address. */
  public String headAddress() {
    return headAddress;
  }

  /** The application's secret. */
  @Internal
  public Secret secret() {
    return Secret.of(secret);
  }

  /** A runtime configuration for one node of this application. */
  @Internal
  public RuntimeConfig runtimeConfig(String nodeId, String host, int cpus) {
    return RuntimeConfig.forNode(nodeId, secret())
        .host(host)
        .port(port)
        .callPort(callPort)
        .cpus(cpus)
        .maxMessageBytes(maxMessageBytes)
        .storeBudgetBytes((long) (Runtime.getRuntime().maxMemory() * storeFraction));
  }
}
