package io.sparkair.plugin;

import io.sparkair.runtime.cluster.NodeInfo;
import java.io.Serializable;

/**
 * The message an executor's plugin sends the driver's plugin when its runtime has started.
 *
 * @param node the runtime's address and resources
 */
record RegisterNode(NodeInfo node) implements Serializable {}
