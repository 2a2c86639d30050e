package io.sparkair.runtime.cluster;

import java.io.Serializable;

/**
 * A runtime that can host actors and blocks, as it registers with the head.
 *
 * @param nodeId the executor id ("driver" for the driver in local mode)
 * @param address its runtime address, host:port
 * @param cpus cores it offers to actors
 * @param gpus GPUs it offers to actors
 * @param storeBudgetBytes its object store's memory budget
 * @param pid the JVM's process id
 */
public record NodeInfo(String nodeId, String address, int cpus, int gpus, long storeBudgetBytes,
    long pid) implements Serializable {}
