/**
 * Preprocessors with Ray AIR's semantics: fitted where a dataset's blocks live, applied to Arrow
 * batches, saved as JSON inside checkpoints so that training, batch prediction and serving
 * transform rows identically. Start with {@link io.sparkair.preprocess.Preprocessor}.
 *
 * <p>This package needs no Spark: it works on any {@link io.sparkair.runtime.batch.BatchDataset},
 * distributed or in this JVM.
 */
package io.sparkair.preprocess;
