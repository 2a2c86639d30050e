package io.sparkair.runtime.transport;

import java.util.Map;

/** A message waiting in a stream's outbound queue. */
interface Outgoing {
  /**
   * Appends this message to a frame.
   *
   * @param frame the frame being built
   * @param defined functions already defined on this stream, by class; may be extended
   */
  void writeTo(Wire.Out frame, Map<Class<?>, Integer> defined);

  /** Fails the message's caller when it could not be written. */
  void fail(Throwable cause);
}
