/**
 * The serving sidecar: a process without Spark that serves checkpoints over HTTP and gRPC.
 * Built by the serving issue; this module holds no code yet.
 */
package io.sparkair.serve;
