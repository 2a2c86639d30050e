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
import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * A Spark AIR preprocessor as a Spark ML {@code Estimator}: {@code fit(df)} converts the DataFrame
 * to an AIR dataset, fits a copy of the preprocessor where its blocks live, and returns a {@link
 * PreprocessorModel}. The preprocessor given is left unfitted.
 *
 * <p>The preprocessor is the stage's one {@code Param}, {@code preprocessorJson} (its {@link
 * Preprocessors#toJson JSON}), so a {@code ParamGridBuilder} can search over preprocessors (a
 * {@code StandardScaler} against a {@code MinMaxScaler}, say), and {@code copy}, {@code fit(df,
 * paramMap)} and Spark ML's params writer work as on Spark's own stages.
 */
public final class PreprocessorEstimator extends Estimator<PreprocessorModel>
    implements MLWritable {
  private static final long serialVersionUID = 1L;

  /** The estimator's Spark ML identifier. */
  private final String uid;

  private final Param<String> preprocessorJson;

  /** An estimator fitting (a copy of) {@code preprocessor}. */
  public PreprocessorEstimator(Preprocessor preprocessor) {
    this(Identifiable$.MODULE$.randomUID("airPreprocessor"));
    setPreprocessor(preprocessor);
  }

  /**
   * An estimator with the given Spark ML identifier and no preprocessor yet (Spark ML's readers use
   * it); set one with {@link #setPreprocessor} before fitting.
   */
  public PreprocessorEstimator(String uid) {
    this.uid = uid;
    this.preprocessorJson =
        new Param<>(
            this,
            "preprocessorJson",
            "the preprocessor to fit, as its JSON (Preprocessors.toJson)",
            (Function1<String, Object> & Serializable) PreprocessorEstimator::isPreprocessor);
  }

  private static Object isPreprocessor(String json) {
    try {
      Preprocessors.fromJson(json);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  /** The preprocessor to fit, as its JSON. */
  public Param<String> preprocessorJson() {
    return preprocessorJson;
  }

  /** Sets the preprocessor to fit (a copy of it: later changes to it are not seen). */
  public PreprocessorEstimator setPreprocessor(Preprocessor preprocessor) {
    set(
        preprocessorJson,
        Preprocessors.toJson(Objects.requireNonNull(preprocessor, "preprocessor")));
    return this;
  }

  /**
   * A copy of the preprocessor this estimator fits.
   *
   * @throws IllegalStateException when none is set
   */
  public Preprocessor preprocessor() {
    if (!isDefined(preprocessorJson)) {
      throw new IllegalStateException(uid + " has no preprocessor; set one with setPreprocessor");
    }
    return Preprocessors.fromJson(getOrDefault(preprocessorJson));
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  @SuppressWarnings("unchecked")
  public PreprocessorModel fit(Dataset<?> dataset) {
    Preprocessor copy = preprocessor();
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
    return (PreprocessorEstimator) defaultCopy(extra);
  }

  /** Writes the stage's metadata, which holds the preprocessor's JSON among its params. */
  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        StageStore.saveMetadata(PreprocessorEstimator.this, path, sparkSession().sparkContext());
      }
    };
  }

  /**
   * Reads an estimator saved with {@link #write()}, or by a version that kept the preprocessor in a
   * file beside the metadata.
   */
  public static MLReader<PreprocessorEstimator> read() {
    return new MLReader<>() {
      @Override
      public PreprocessorEstimator load(String path) {
        SparkContext sc = sparkSession().sparkContext();
        PreprocessorEstimator stage =
            StageStore.load(path, sc, PreprocessorEstimator.class, PreprocessorEstimator::new);
        if (!stage.isDefined(stage.preprocessorJson)) {
          stage.setPreprocessor(StageStore.preprocessor(path, sc));
        }
        return stage;
      }
    };
  }

  /** Loads an estimator saved with {@link #write()}. */
  public static PreprocessorEstimator load(String path) {
    return read().load(path);
  }

  @Override
  public String toString() {
    return "PreprocessorEstimator("
        + (isDefined(preprocessorJson) ? preprocessor().toString() : "no preprocessor")
        + ")";
  }
}
