package io.sparkair.preprocess;

/** Thrown when a preprocessor that learns statistics transforms before it was fitted. */
public class PreprocessorNotFittedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** An exception naming the preprocessor that was not fitted. */
  public PreprocessorNotFittedException(String preprocessor) {
    super(preprocessor + " must be fitted before it can transform; call fit(dataset) first");
  }
}
