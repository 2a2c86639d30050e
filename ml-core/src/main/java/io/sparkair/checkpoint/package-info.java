/**
 * Checkpoints: a model in its framework's native format, with its fitted preprocessor and metadata,
 * in a directory written atomically and checked file by file when loaded. Start with {@link
 * io.sparkair.checkpoint.Checkpoint}. This package runs without Spark on the classpath.
 */
package io.sparkair.checkpoint;
