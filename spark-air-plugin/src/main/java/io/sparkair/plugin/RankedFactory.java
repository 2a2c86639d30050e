package io.sparkair.plugin;

import java.io.Serializable;

/**
 * Creates the actor of one rank of an {@link ActorGroup}.
 *
 * @param <A> the actor's class
 */
@FunctionalInterface
public interface RankedFactory<A> extends Serializable {
  /** Creates the instance for {@code rank} (0-based). */
  A create(int rank) throws Exception;
}
