/*
 * Copyright 2026 The Spark AIR Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.sparkair.predict;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.preprocess.ColumnViews;
import io.sparkair.runtime.memory.Allocators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Predictions for whole datasets from a checkpoint (Ray's {@code BatchPredictor}): {@link #predict}
 * runs where the dataset's blocks live, batch by batch, and returns a dataset of the predictions,
 * in the input's row order. The checkpoint travels to the executors once (a Spark broadcast), and
 * each executor loads the model once, then reuses it for every later batch, call and dataset with
 * the same checkpoint and predictor class ({@link PredictorCache}, which keeps the {@value
 * PredictorCache#CAPACITY} models used last; a predictor made by another factory is reused within
 * the batch predictor that holds it).
 */
public final class BatchPredictor {
  private final Checkpoint checkpoint;
  private final PredictorFactory factory;
  private final String model;

  private BatchPredictor(Checkpoint checkpoint, PredictorFactory factory) {
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.model =
        fingerprint(checkpoint)
            + "|"
            + (factory instanceof ByClass
                ? ((ByClass) factory).type.getName()
                : factory.getClass().getName() + "@" + System.identityHashCode(factory));
  }

  /**
   * A batch predictor of a checkpoint with a predictor class that has a static {@code
   * fromCheckpoint(Checkpoint)}, such as {@link XGBoostPredictor}.
   *
   * @throws IllegalArgumentException when the class has no such method, or cannot read the
   *     checkpoint
   */
  public static BatchPredictor fromCheckpoint(
      Checkpoint checkpoint, Class<? extends Predictor> type) {
    Predictors.requireLoadable(type);
    return fromCheckpoint(checkpoint, new ByClass(type));
  }

  /** A batch predictor of a checkpoint, with predictors made by {@code factory}. */
  public static BatchPredictor fromCheckpoint(Checkpoint checkpoint, PredictorFactory factory) {
    BatchPredictor predictor = new BatchPredictor(checkpoint, factory);
    predictor.local().close();
    return predictor;
  }

  /** Predicts with the default options. */
  public AirDataset predict(AirDataset dataset) {
    return predict(dataset, PredictOptions.defaults());
  }

  /**
   * A dataset of predictions, one row per input row in the same order: the kept input columns, then
   * the predictor's columns.
   *
   * @throws IllegalArgumentException when a named column is missing or the predictor cannot read
   *     the dataset's columns (found before any Spark job runs)
   */
  public AirDataset predict(AirDataset dataset, PredictOptions options) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(options, "options");
    Schema output;
    try (BufferAllocator allocator = Allocators.child("BatchPredictor.outputSchema");
        VectorSchemaRoot empty = VectorSchemaRoot.create(dataset.batchSchema(), allocator);
        PredictorCache.Lease local = local();
        VectorSchemaRoot out = apply(local.predictor(), empty, options)) {
      output = out.getSchema();
    }
    SharedPredictor shared = shared();
    return dataset.mapBatches(
        (batch, allocator) -> {
          try (PredictorCache.Lease lease = shared.acquire()) {
            return apply(lease.predictor(), batch, options);
          }
        },
        options.batchSize(),
        output);
  }

  /**
   * The predictor for Spark tasks: the checkpoint is broadcast now, and each executor loads the
   * model once.
   */
  public SharedPredictor shared() {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(Air.currentSession().sparkContext());
    Broadcast<Map<String, byte[]>> files = sc.broadcast(checkpoint.toFiles());
    return new SharedPredictor(model, factory, files);
  }

  /** The predictor of this JVM (the driver's), loaded once; close the lease when done. */
  public PredictorCache.Lease local() {
    return PredictorCache.acquire(model, () -> factory.create(checkpoint));
  }

  private static VectorSchemaRoot apply(
      Predictor predictor, VectorSchemaRoot batch, PredictOptions options) {
    for (String column : options.keepColumns()) {
      require(batch, column, "kept");
    }
    VectorSchemaRoot input = batch;
    if (options.featureColumns() != null) {
      List<FieldVector> features = new ArrayList<>();
      for (String column : options.featureColumns()) {
        features.add(require(batch, column, "feature"));
      }
      input = new VectorSchemaRoot(features);
    }
    VectorSchemaRoot predictions = predictor.predict(input);
    List<FieldVector> columns = new ArrayList<>();
    for (String column : options.keepColumns()) {
      columns.add(ColumnViews.share(batch.getVector(column), batch.getRowCount()));
    }
    columns.addAll(predictions.getFieldVectors());
    return new VectorSchemaRoot(columns);
  }

  private static FieldVector require(VectorSchemaRoot batch, String column, String role) {
    FieldVector vector = batch.getVector(column);
    if (vector == null) {
      throw new IllegalArgumentException(
          role
              + " column '"
              + column
              + "' not found; the data "
              + "has "
              + batch.getSchema().getFields());
    }
    return vector;
  }

  /** The SHA-256 of a checkpoint's metadata, which lists every file's digest. */
  private static String fingerprint(Checkpoint checkpoint) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              digest.digest(Files.readAllBytes(checkpoint.path().resolve(Checkpoint.METADATA))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + checkpoint + ": " + e, e);
    }
  }

  /** Makes predictors of a class, through its provider or its static fromCheckpoint. */
  private static final class ByClass implements PredictorFactory {
    private static final long serialVersionUID = 1L;
    private final Class<? extends Predictor> type;

    ByClass(Class<? extends Predictor> type) {
      this.type = type;
    }

    @Override
    public Predictor create(Checkpoint checkpoint) {
      return Predictors.load(type, checkpoint);
    }
  }
}
