/**
 * Preprocessors with Ray AIR's semantics: fitted where a dataset's blocks live, applied to Arrow
 * batches, saved as JSON inside checkpoints so that training, batch prediction and serving
 * transform rows identically. Start with {@link io.sparkair.preprocess.Preprocessor}.
 *
 * <p>This package runs without Spark on the classpath, except {@code fit(AirDataset)} and
 * {@code transform(AirDataset)}.
 */
package io.sparkair.preprocess;
