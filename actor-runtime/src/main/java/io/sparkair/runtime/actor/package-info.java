/**
 * Actors: stateful objects hosted by one runtime, driven by one mailbox, called through {@link
 * io.sparkair.runtime.actor.ActorRef}.
 */
package io.sparkair.runtime.actor;
