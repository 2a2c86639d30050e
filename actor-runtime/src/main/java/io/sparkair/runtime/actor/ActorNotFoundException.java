package io.sparkair.runtime.actor;

import io.sparkair.runtime.AirException;

/** No live actor has the requested name or id. */
public class ActorNotFoundException extends AirException {
  private static final long serialVersionUID = 1L;

  /** @param what the name or id that was looked up */
  public ActorNotFoundException(String what) {
    super("no actor named " + what);
  }
}
