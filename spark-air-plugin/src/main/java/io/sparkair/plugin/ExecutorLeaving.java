package io.sparkair.plugin;

import java.io.Serializable;

/**
 * The message an executor's plugin sends the driver's plugin when Spark is about to
 * decommission the executor; the driver answers once the executor's blocks have moved.
 *
 * @param executorId the executor
 */
record ExecutorLeaving(String executorId) implements Serializable {}
