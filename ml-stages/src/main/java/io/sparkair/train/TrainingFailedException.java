package io.sparkair.train;

import io.sparkair.runtime.AirException;

/** A run that failed more times than its {@link FailureConfig} allows. */
public class TrainingFailedException extends AirException {
  private static final long serialVersionUID = 1L;

  /** A failure with its last cause. */
  public TrainingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
