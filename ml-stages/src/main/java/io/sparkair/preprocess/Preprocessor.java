package io.sparkair.preprocess;

import io.sparkair.data.AirDataset;
import java.io.Serializable;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A transformation of a dataset's columns whose statistics are learnt from one dataset and then
 * applied, unchanged, to others: in training, in batch prediction and in serving, which is why
 * a fitted preprocessor travels inside every checkpoint.
 *
 * <p>Semantics follow Ray AIR's preprocessors. Statistics are population statistics computed
 * over the non-null values; {@link #fit} mutates this preprocessor and returns it; transforming
 * with a preprocessor that needs fitting and was not fitted throws
 * {@link PreprocessorNotFittedException}; columns a preprocessor does not name pass through
 * unchanged and keep their order; nulls stay null unless the preprocessor exists to fill them.
 * A named column that does not exist fails with an {@link IllegalArgumentException} naming it.
 *
 * <p>A fitted preprocessor is immutable in use: {@link #transformBatch} may be called from many
 * threads at once. Preprocessors are {@link Serializable} (they run in executors) and round-trip
 * through JSON with {@link Preprocessors#toJson} and {@link Preprocessors#fromJson}; a
 * preprocessor of your own round-trips too when its state is in non-transient fields and it has
 * a no-argument constructor.
 *
 * <p>Only {@link #fit(AirDataset)} and {@link #transform(AirDataset)} need Spark; everything
 * else, and loading from JSON, runs without Spark on the classpath (the serving sidecar).
 */
public interface Preprocessor extends Serializable {

  /**
   * Computes the statistics from a dataset, where its blocks live: partial aggregates per block,
   * merged on the driver. A preprocessor with nothing to learn returns at once.
   *
   * @return this preprocessor, now fitted
   */
  Preprocessor fit(AirDataset dataset);

  /**
   * Computes the statistics from Arrow batches in this JVM, exactly as {@link #fit(AirDataset)}
   * would from a dataset of the same rows.
   *
   * @return this preprocessor, now fitted
   */
  Preprocessor fitBatches(Iterable<VectorSchemaRoot> batches);

  /** A new dataset of the transformed rows, made where the blocks live. */
  AirDataset transform(AirDataset dataset);

  /** Fits on {@code dataset}, then transforms it. */
  default AirDataset fitTransform(AirDataset dataset) {
    return fit(dataset).transform(dataset);
  }

  /**
   * Transforms one Arrow batch. The input is left as it was and stays owned by the caller; the
   * result is a new batch (sharing the buffers of the columns passed through) that the caller
   * closes.
   */
  VectorSchemaRoot transformBatch(VectorSchemaRoot batch);

  /**
   * The fitted statistics, keyed as Ray names them ({@code mean(B)}, {@code std(B)},
   * {@code min(B)}, {@code max(B)}, {@code unique_values(C)}, ...); empty before fitting.
   */
  Map<String, Object> stats();

  /** Whether this preprocessor can transform: it was fitted, or has nothing to learn. */
  boolean isFitted();
}
