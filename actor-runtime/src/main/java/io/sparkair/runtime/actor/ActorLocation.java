package io.sparkair.runtime.actor;

import java.io.Serializable;

/**
 * Where an actor lives now.
 *
 * @param node the node (executor id) hosting it
 * @param address that node's runtime address, host:port
 */
public record ActorLocation(String node, String address) implements Serializable {}
