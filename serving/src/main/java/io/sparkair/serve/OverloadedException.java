package io.sparkair.serve;

import io.sparkair.runtime.AirException;

/** A deployment's queue is full: the request is refused with 503 and Retry-After. */
final class OverloadedException extends AirException {
  private static final long serialVersionUID = 1L;

  OverloadedException(String message) {
    super(message, null, false, false);
  }
}
