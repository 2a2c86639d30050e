package io.sparkair.runtime.actor;

import java.io.Serializable;

/**
 * A call on an actor: a function of the actor's instance, run inside the actor's mailbox.
 *
 * <p>Calls to a remote actor are shipped with Java serialization, so everything the function
 * captures must be serializable. A method reference or a lambda that captures nothing is
 * encoded once per connection and sent by id afterwards, which makes it the cheapest call.
 *
 * @param <A> the actor's class
 * @param <R> the result type
 */
@FunctionalInterface
public interface ActorCall<A, R> extends Serializable {
  /** Runs the call on the actor's instance. */
  R apply(A actor) throws Exception;
}
