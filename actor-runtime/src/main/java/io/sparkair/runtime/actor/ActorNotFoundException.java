package io.sparkair.runtime.actor;

/** No live actor has the requested name or id. */
public class ActorNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param what the name or id that was looked up */
  public ActorNotFoundException(String what) {
    super("no actor named " + what);
  }
}
