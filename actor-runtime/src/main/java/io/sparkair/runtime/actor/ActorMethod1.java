package io.sparkair.runtime.actor;

import java.io.Serializable;

/**
 * A typed one-argument actor method, in the style of Ray's {@code actor.task(Counter::add, 5)}.
 *
 * <p>Pass a method reference ({@code Counter::add}); the argument travels separately from the
 * function, so a remote call does not re-serialize the function each time.
 *
 * @param <A> the actor's class
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface ActorMethod1<A, T, R> extends Serializable {
  /** Runs the method on the actor's instance with one argument. */
  R apply(A actor, T arg) throws Exception;
}
