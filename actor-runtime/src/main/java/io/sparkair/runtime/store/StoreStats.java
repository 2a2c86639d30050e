package io.sparkair.runtime.store;

/**
 * A snapshot of an object store's contents.
 *
 * @param blocks blocks held, in memory or spilled
 * @param bytesInMemory bytes of blocks held in memory
 * @param bytesSpilled bytes of blocks spilled to local disk
 * @param budgetBytes the memory budget past which blocks spill
 * @param spills how many times a block was spilled
 * @param reloads how many times a spilled block was read back
 */
public record StoreStats(int blocks, long bytesInMemory, long bytesSpilled, long budgetBytes,
    long spills, long reloads) {}
