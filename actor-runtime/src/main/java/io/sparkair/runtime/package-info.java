/**
 * The Spark AIR actor runtime: one {@link io.sparkair.runtime.AirRuntime} per JVM hosting actors
 * and an object store of Arrow blocks, reachable from other runtimes over one authenticated gRPC
 * port. This module has no Spark dependency.
 */
package io.sparkair.runtime;
