package io.sparkair.train;

/** A run that failed more times than its {@link FailureConfig} allows. */
public class TrainingFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with its last cause. */
  public TrainingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
