package io.sparkair.checkpoint;

/** Thrown when a checkpoint directory is missing, incomplete, or was changed after writing. */
public class InvalidCheckpointException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message names the checkpoint and the missing or bad file. */
  public InvalidCheckpointException(String message) {
    super(message);
  }

  /** An exception whose message names the checkpoint and the missing or bad file. */
  public InvalidCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
