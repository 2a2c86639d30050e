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
package io.sparkair.preprocess;

import static io.sparkair.preprocess.Batches.doubles;
import static io.sparkair.preprocess.Batches.longs;
import static io.sparkair.preprocess.Batches.strings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One preprocessor of every built-in type (and every imputation strategy), the data they are fitted
 * on, and a program writing their JSON, unfitted and fitted, as this version writes it. The files
 * it wrote under {@code src/test/resources/formats/preprocessors-1} are format 1, which every later
 * version must still read: they stay as they are, and a new format version gets its files in a
 * folder of its own.
 *
 * <pre>{@code
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp <ml-core's test classpath> \
 *     io.sparkair.preprocess.FormatSamples <directory>
 * }</pre>
 */
public final class FormatSamples {
  /** The resource folder of the format 1 files. */
  static final String FORMAT_1 = "formats/preprocessors-1";

  private FormatSamples() {}

  /** A function of Arrow batches of a named class, so that its Java serialization is stable. */
  static final class AddOne implements BatchMapper.Function {
    private static final long serialVersionUID = 1L;

    @Override
    public VectorSchemaRoot apply(VectorSchemaRoot batch, BufferAllocator allocator) {
      Float8Vector in = (Float8Vector) batch.getVector("a");
      Float8Vector out = new Float8Vector("a_plus_one", allocator);
      out.allocateNew(Math.max(batch.getRowCount(), 1));
      for (int i = 0; i < batch.getRowCount(); i++) {
        if (in.isNull(i)) {
          out.setNull(i);
        } else {
          out.set(i, in.get(i) + 1);
        }
      }
      out.setValueCount(batch.getRowCount());
      return Batches.of(out);
    }
  }

  /** The samples by file name (without {@code .json}), each made unfitted. */
  static Map<String, Supplier<Preprocessor>> samples() {
    Map<String, Supplier<Preprocessor>> samples = new LinkedHashMap<>();
    samples.put("standard-scaler", () -> new StandardScaler("a", "b", "e"));
    samples.put("min-max-scaler", () -> new MinMaxScaler("a", "b"));
    samples.put("max-abs-scaler", () -> new MaxAbsScaler("a", "b"));
    samples.put("robust-scaler", () -> new RobustScaler("a", "b").setQuantileRange(0.1, 0.9));
    samples.put("normalizer", () -> new Normalizer("a", "b").setNorm("max"));
    samples.put("one-hot-encoder", () -> new OneHotEncoder("c", "b").setMaxCategories("c", 2));
    samples.put("ordinal-encoder", () -> new OrdinalEncoder("c", "b", "a"));
    samples.put("label-encoder", () -> new LabelEncoder("c"));
    samples.put("simple-imputer-mean", () -> new SimpleImputer("a", "b", "e"));
    samples.put(
        "simple-imputer-most-frequent",
        () ->
            new SimpleImputer(List.of("c", "b", "e"), SimpleImputer.Strategy.MOST_FREQUENT, null));
    samples.put(
        "simple-imputer-constant",
        () -> new SimpleImputer(List.of("c"), SimpleImputer.Strategy.CONSTANT, "missing"));
    samples.put(
        "simple-imputer-constant-number",
        () -> new SimpleImputer(List.of("a", "b"), SimpleImputer.Strategy.CONSTANT, -1));
    samples.put("concatenator", () -> new Concatenator().setExclude("c"));
    samples.put(
        "concatenator-include",
        () -> new Concatenator().setInclude("b", "a").setExclude("a").setOutputColumn("features"));
    samples.put("chain", () -> new Chain(new SimpleImputer("a"), new StandardScaler("a", "b")));
    samples.put("batch-mapper", () -> new BatchMapper(new AddOne()));
    return samples;
  }

  /**
   * The rows samples are fitted on and transform: doubles {@code a}, longs {@code b}, strings
   * {@code c} (each with a null) and {@code e}, doubles that are all null.
   */
  static VectorSchemaRoot data(BufferAllocator allocator) {
    return Batches.of(
        doubles(allocator, "a", 1.0, 2.0, null, 3.0, 4.0, 2.0),
        longs(allocator, "b", 10L, 10L, 30L, null, 20L, 10L),
        strings(allocator, "c", "x", "y", null, "x", "z", "x"),
        doubles(allocator, "e", null, null, null, null, null, null));
  }

  /** Writes {@code <name>.json} and {@code <name>-fitted.json} of every sample to a directory. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: FormatSamples <directory>");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot data = data(allocator)) {
      for (Map.Entry<String, Supplier<Preprocessor>> sample : samples().entrySet()) {
        Preprocessor preprocessor = sample.getValue().get();
        write(dir.resolve(sample.getKey() + ".json"), preprocessor);
        preprocessor.fitBatches(List.of(data));
        write(dir.resolve(sample.getKey() + "-fitted.json"), preprocessor);
      }
    }
  }

  private static void write(Path file, Preprocessor preprocessor) throws Exception {
    Files.writeString(file, Preprocessors.toJson(preprocessor) + "\n", StandardCharsets.UTF_8);
  }
}
