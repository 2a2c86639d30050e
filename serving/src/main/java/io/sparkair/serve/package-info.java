/**
 * The serving sidecar, a process without Spark that serves checkpoints over HTTP (and gRPC): {@link
 * io.sparkair.serve.ServeMain} is its command line ({@code air-serve}), {@link
 * io.sparkair.serve.SidecarServer} the server, {@link io.sparkair.serve.DeploymentConfig} a served
 * checkpoint and {@link io.sparkair.serve.HttpAdapters} the request shapes.
 */
package io.sparkair.serve;
