package io.sparkair.serve;

import io.sparkair.runtime.AirException;

/** A request the server refuses with 400: the message says what is wrong with it. */
public final class BadRequestException extends AirException {
  private static final long serialVersionUID = 1L;

  /** A refusal whose {@code message} says what is wrong with the request. */
  public BadRequestException(String message) {
    super(message);
  }
}
