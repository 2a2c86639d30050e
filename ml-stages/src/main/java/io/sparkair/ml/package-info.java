/**
 * Spark ML stage adapters: preprocessors (and, with later issues, trainers, the tuner and batch
 * predictors) as {@code Estimator}s and {@code Model}s that sit in a Spark ML {@code Pipeline} and
 * are saved and loaded with it; and checkpoints on Hadoop FileSystems.
 */
package io.sparkair.ml;
