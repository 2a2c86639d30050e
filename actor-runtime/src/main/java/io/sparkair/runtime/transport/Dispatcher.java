package io.sparkair.runtime.transport;

/** Receives decoded calls and hands them to actors' mailboxes. */
public interface Dispatcher {
  /**
   * Delivers a call.
   *
   * @param actorId the addressed actor
   * @param fn the decoded function
   * @param arg the decoded argument, or {@link Invocation#NO_ARG}
   * @param reply where to send the result; null when the caller expects none
   */
  void dispatch(long actorId, Object fn, Object arg, Reply reply);

  /** The class loader for user classes in calls. */
  ClassLoader classLoader();

  /** This runtime's node id, for error messages. */
  String nodeId();
}
