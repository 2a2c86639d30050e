/**
 * Spark ML stage adapters for Spark AIR trainers, tuner and predictors. The preprocessors,
 * checkpoints, trainers, tuner and predictors arrive in their own packages
 * ({@code io.sparkair.preprocess}, {@code checkpoint}, {@code train}, {@code tune},
 * {@code predict}) with the issues that build them.
 */
package io.sparkair.ml;
