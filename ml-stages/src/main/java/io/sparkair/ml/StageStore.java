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

import io.sparkair.preprocess.Preprocessor;
import io.sparkair.preprocess.Preprocessors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import scala.Option;

/**
 * Saves and loads a stage the way Spark ML does (its metadata under {@code metadata/}), with the
 * stage's own files beside it.
 */
final class StageStore {
  private static final String PREPROCESSOR = "preprocessor.json";

  private StageStore() {}

  /** Writes Spark ML's metadata of a stage. */
  static void saveMetadata(Params stage, String path, SparkContext sc) {
    DefaultParamsWriter.saveMetadata(stage, path, sc, Option.empty(), Option.empty());
  }

  /**
   * The stage saved at {@code path}, after checking it was saved as {@code type}: made by {@code
   * make} from its uid, with the params its metadata holds set.
   */
  static <S extends Params> S load(
      String path, SparkContext sc, Class<S> type, Function<String, S> make) {
    DefaultParamsReader.Metadata metadata =
        DefaultParamsReader.loadMetadata(path, sc, type.getName());
    S stage = make.apply(metadata.uid());
    metadata.getAndSetParams(stage, Option.empty());
    return stage;
  }

  static void save(Params stage, Preprocessor preprocessor, String path, SparkContext sc) {
    saveMetadata(stage, path, sc);
    write(path, PREPROCESSOR, Preprocessors.toJson(preprocessor), sc);
  }

  static Preprocessor preprocessor(String path, SparkContext sc) {
    return Preprocessors.fromJson(read(path, PREPROCESSOR, sc));
  }

  /** Writes a text file beside a stage's metadata. */
  static void write(String path, String name, String content, SparkContext sc) {
    Path file = new Path(path, name);
    try {
      FileSystem fs = file.getFileSystem(sc.hadoopConfiguration());
      try (OutputStream out = fs.create(file, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e, e);
    }
  }

  /** Reads a text file written with {@link #write}. */
  static String read(String path, String name, SparkContext sc) {
    Path file = new Path(path, name);
    try {
      FileSystem fs = file.getFileSystem(sc.hadoopConfiguration());
      try (InputStream in = fs.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
  }
}
