package io.sparkair.runtime.transport;

import io.sparkair.runtime.AirException;

/** A call could not be sent or answered: the message is too large, or cannot be encoded. */
public class RemoteCallException extends AirException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public RemoteCallException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public RemoteCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
