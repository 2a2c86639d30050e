package io.sparkair.runtime.transport;

/** Completes one call. */
public interface Reply {
  /**
   * Sends the call's result.
   *
   * @param value the result
   * @param more true when the actor has more calls queued (the reply may wait for a batch)
   */
  void ok(Object value, boolean more);

  /**
   * Sends the call's failure.
   *
   * @param error what the call threw
   * @param more true when the actor has more calls queued
   */
  void fail(Throwable error, boolean more);

  /** The addressed actor is not (or no longer) hosted by this runtime. */
  void died(String reason);
}
