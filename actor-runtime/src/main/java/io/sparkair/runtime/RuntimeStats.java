package io.sparkair.runtime;

import io.sparkair.runtime.store.StoreStats;

/**
 * A snapshot of one runtime, for gauges and tests.
 *
 * @param nodeId the runtime's node
 * @param actors user actors it hosts
 * @param store its object store
 */
public record RuntimeStats(String nodeId, int actors, StoreStats store) {}
