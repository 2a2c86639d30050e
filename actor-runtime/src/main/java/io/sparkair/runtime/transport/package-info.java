/** The runtime's gRPC transport: the call stream, its framing, and the shared secret. */
package io.sparkair.runtime.transport;
