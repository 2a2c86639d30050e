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

import io.sparkair.plugin.Air;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.PreprocessorNotFittedException;
import io.sparkair.preprocess.Preprocessors;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted Spark AIR preprocessor as a Spark ML {@code Model}: {@code transform} applies it to any
 * DataFrame inside Spark tasks, keeping every column it does not name. Saved and loaded with Spark
 * ML's {@code write()}/{@code read()}, alone or in a {@code PipelineModel}.
 */
public final class PreprocessorModel extends Model<PreprocessorModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  /** The model's Spark ML identifier. */
  private final String uid;

  /** The fitted preprocessor. */
  private final Preprocessor preprocessor;

  /**
   * A model of a fitted preprocessor.
   *
   * @throws PreprocessorNotFittedException if the preprocessor needs fitting
   */
  public PreprocessorModel(Preprocessor preprocessor) {
    this(Identifiable$.MODULE$.randomUID("airPreprocessorModel"), preprocessor);
  }

  PreprocessorModel(String uid, Preprocessor preprocessor) {
    Objects.requireNonNull(preprocessor, "preprocessor");
    if (!preprocessor.isFitted()) {
      throw new PreprocessorNotFittedException(preprocessor.toString());
    }
    this.uid = uid;
    this.preprocessor = preprocessor;
  }

  /** The fitted preprocessor. */
  public Preprocessor preprocessor() {
    return preprocessor;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return ArrowTransform.apply(preprocessor::transformBatch, false, dataset);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return ArrowTransform.outputSchema(
        preprocessor::transformBatch,
        schema,
        false,
        Air.currentSession().sessionState().conf().sessionLocalTimeZone());
  }

  @Override
  public PreprocessorModel copy(ParamMap extra) {
    return copyValues(new PreprocessorModel(uid, Preprocessors.copy(preprocessor)), extra)
        .setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        StageStore.save(PreprocessorModel.this, preprocessor, path, sparkSession().sparkContext());
      }
    };
  }

  /** Reads a model saved with {@link #write()}. */
  public static MLReader<PreprocessorModel> read() {
    return new MLReader<>() {
      @Override
      public PreprocessorModel load(String path) {
        SparkContext sc = sparkSession().sparkContext();
        return StageStore.load(
            path,
            sc,
            PreprocessorModel.class,
            uid -> new PreprocessorModel(uid, StageStore.preprocessor(path, sc)));
      }
    };
  }

  /** Loads a model saved with {@link #write()}. */
  public static PreprocessorModel load(String path) {
    return read().load(path);
  }

  @Override
  public String toString() {
    return "PreprocessorModel(" + preprocessor + ")";
  }
}
