package io.sparkair.runtime.actor;

import java.io.Serializable;

/**
 * Creates an actor's instance on the node chosen for it. Called again, on another node, each
 * time the actor is restarted; a restarted actor starts from fresh state.
 *
 * @param <A> the actor's class
 */
@FunctionalInterface
public interface ActorFactory<A> extends Serializable {
  /** Creates a new instance of the actor. */
  A create() throws Exception;
}
