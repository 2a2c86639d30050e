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
package io.sparkair.ml;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark AIR preprocessor as a Spark ML {@code Estimator}: {@code fit(df)} converts the DataFrame
 * to an AIR dataset, fits a copy of the preprocessor where its blocks live, and returns a {@link
 * PreprocessorModel}. The preprocessor given is left unfitted.
 */
public final class PreprocessorEstimator extends Estimator<PreprocessorModel>
    implements MLWritable {
  private static final long serialVersionUID = 1L;

  /** The estimator's Spark ML identifier. */
  private final String uid;

  /** The preprocessor this estimator fits copies of. */
  private final Preprocessor preprocessor;

  /** An estimator fitting (a copy of) {@code preprocessor}. */
  public PreprocessorEstimator(Preprocessor preprocessor) {
    this(Identifiable$.MODULE$.randomUID("airPreprocessor"), preprocessor);
  }

  private PreprocessorEstimator(String uid, Preprocessor preprocessor) {
    this.uid = uid;
    this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
  }

  /** The preprocessor this estimator fits copies of. */
  public Preprocessor preprocessor() {
    return preprocessor;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  @SuppressWarnings("unchecked")
  public PreprocessorModel fit(Dataset<?> dataset) {
    Preprocessor copy = Preprocessors.copy(preprocessor);
    try (AirDataset air = Air.get(dataset.sparkSession()).fromDataFrame((Dataset<Row>) dataset)) {
      copy.fit(air);
    }
    return copyValues(new PreprocessorModel(copy), ParamMap.empty()).setParent(this);
  }

  /**
   * The input schema: the exact output schema of a preprocessor that learns its columns (a one-hot
   * encoder's categories) is known only after fitting.
   */
  @Override
  public StructType transformSchema(StructType schema) {
    return schema;
  }

  @Override
  public PreprocessorEstimator copy(ParamMap extra) {
    return copyValues(new PreprocessorEstimator(uid, Preprocessors.copy(preprocessor)), extra);
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        StageStore.save(
            PreprocessorEstimator.this, preprocessor, path, sparkSession().sparkContext());
      }
    };
  }

  /** Reads an estimator saved with {@link #write()}. */
  public static MLReader<PreprocessorEstimator> read() {
    return new MLReader<>() {
      @Override
      public PreprocessorEstimator load(String path) {
        SparkContext sc = sparkSession().sparkContext();
        return StageStore.load(
            path,
            sc,
            PreprocessorEstimator.class,
            uid -> new PreprocessorEstimator(uid, StageStore.preprocessor(path, sc)));
      }
    };
  }

  /** Loads an estimator saved with {@link #write()}. */
  public static PreprocessorEstimator load(String path) {
    return read().load(path);
  }

  @Override
  public String toString() {
    return "PreprocessorEstimator(" + preprocessor + ")";
  }
}
