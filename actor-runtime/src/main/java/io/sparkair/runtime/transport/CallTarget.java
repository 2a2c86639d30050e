package io.sparkair.runtime.transport;

/**
 * Where a remote call goes and how to describe it in errors.
 *
 * @param actorId the actor's id on the remote runtime
 * @param actorDescription the actor's name, or its id, for messages
 * @param node the node that hosts the actor
 */
public record CallTarget(long actorId, String actorDescription, String node) {}
