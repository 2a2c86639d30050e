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
import static io.sparkair.preprocess.Batches.names;
import static io.sparkair.preprocess.Batches.strings;
import static io.sparkair.preprocess.Batches.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every preprocessor on Arrow batches, against values computed by hand. No Spark involved. */
class PreprocessorTest {
  private static final double EPS = 1e-12;
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  /** a: 1, 2, null, 3, 4; b: the constant 10 with a null; c: categories with a null. */
  private VectorSchemaRoot sample() {
    return Batches.of(
        doubles(allocator, "a", 1.0, 2.0, null, 3.0, 4.0),
        longs(allocator, "b", 10L, 10L, 10L, null, 10L),
        strings(allocator, "c", "x", "y", null, "x", "z"));
  }

  private static void assertDoubles(List<Double> expected, List<Object> actual) {
    assertEquals(expected.size(), actual.size(), "rows");
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i) == null) {
        assertNull(actual.get(i), "row " + i);
      } else {
        assertEquals(expected.get(i), (Double) actual.get(i), 1e-12, "row " + i);
      }
    }
  }

  private List<Object> transformed(Preprocessor p, VectorSchemaRoot batch, String column) {
    try (VectorSchemaRoot out = p.transformBatch(batch)) {
      return values(out, column);
    }
  }

  @Test
  void standardScalerUsesPopulationStdAndDividesConstantColumnsByOne() {
    try (VectorSchemaRoot batch = sample()) {
      StandardScaler scaler = new StandardScaler("a", "b");
      assertFalse(scaler.isFitted());
      assertThrows(PreprocessorNotFittedException.class, () -> scaler.transformBatch(batch));
      scaler.fitBatches(List.of(batch));
      double std = Math.sqrt(1.25);
      assertEquals(
          Map.of("mean(a)", 2.5, "std(a)", std, "mean(b)", 10.0, "std(b)", 0.0), scaler.stats());
      try (VectorSchemaRoot out = scaler.transformBatch(batch)) {
        assertEquals(List.of("a", "b", "c"), names(out));
        assertDoubles(
            Arrays.asList(-1.5 / std, -0.5 / std, null, 0.5 / std, 1.5 / std), values(out, "a"));
        assertDoubles(Arrays.asList(0.0, 0.0, 0.0, null, 0.0), values(out, "b"));
        assertEquals(values(batch, "c"), values(out, "c"));
      }
      assertEquals(List.of(1.0, 2.0), values(batch, "a").subList(0, 2), "input untouched");
      try (VectorSchemaRoot other =
          Batches.of(doubles(allocator, "a", 2.5), longs(allocator, "b", 12L))) {
        assertDoubles(List.of(2.0), transformed(scaler, other, "b"));
      }
    }
  }

  @Test
  void minMaxMaxAbsAndRobustScalers() {
    try (VectorSchemaRoot batch = sample()) {
      MinMaxScaler minMax = new MinMaxScaler("a", "b");
      minMax.fitBatches(List.of(batch));
      assertEquals(
          Map.of("min(a)", 1.0, "max(a)", 4.0, "min(b)", 10.0, "max(b)", 10.0), minMax.stats());
      assertDoubles(
          Arrays.asList(0.0, 1 / 3.0, null, 2 / 3.0, 1.0), transformed(minMax, batch, "a"));
      assertDoubles(Arrays.asList(0.0, 0.0, 0.0, null, 0.0), transformed(minMax, batch, "b"));
    }
    try (VectorSchemaRoot batch =
        Batches.of(
            doubles(allocator, "x", -4.0, 2.0, null), doubles(allocator, "zero", 0.0, 0.0, 0.0))) {
      MaxAbsScaler maxAbs = new MaxAbsScaler("x", "zero");
      maxAbs.fitBatches(List.of(batch));
      assertEquals(Map.of("abs_max(x)", 4.0, "abs_max(zero)", 0.0), maxAbs.stats());
      assertDoubles(Arrays.asList(-1.0, 0.5, null), transformed(maxAbs, batch, "x"));
      assertDoubles(Arrays.asList(0.0, 0.0, 0.0), transformed(maxAbs, batch, "zero"));
    }
    try (VectorSchemaRoot batch = Batches.of(doubles(allocator, "r", 5.0, 1.0, 4.0, 2.0, 3.0))) {
      RobustScaler robust = new RobustScaler("r");
      robust.fitBatches(List.of(batch));
      assertEquals(
          Map.of("low_quantile(r)", 2.0, "median(r)", 3.0, "high_quantile(r)", 4.0),
          robust.stats());
      assertDoubles(List.of(1.0, -1.0, 0.5, -0.5, 0.0), transformed(robust, batch, "r"));
    }
  }

  @Test
  void robustScalerQuantilesStayWithinTheSketchBoundOnLargeColumns() {
    int n = 300_000;
    List<Double> shuffled = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      shuffled.add((double) i);
    }
    java.util.Collections.shuffle(shuffled, new Random(7));
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int from = 0; from < n; from += 50_000) {
      batches.add(
          Batches.of(
              doubles(
                  allocator, "v", shuffled.subList(from, from + 50_000).toArray(new Double[0]))));
    }
    try {
      RobustScaler robust = new RobustScaler("v");
      robust.fitBatches(batches);
      double bound = 0.0133 * n;
      assertEquals(Math.floor(0.5 * (n - 1)), (Double) robust.stats().get("median(v)"), bound);
      assertEquals(
          Math.floor(0.25 * (n - 1)), (Double) robust.stats().get("low_quantile(v)"), bound);
      assertEquals(
          Math.floor(0.75 * (n - 1)), (Double) robust.stats().get("high_quantile(v)"), bound);
    } finally {
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  @Test
  void fittingOverManyBatchesEqualsFittingOverOne() {
    try (VectorSchemaRoot whole = sample();
        VectorSchemaRoot first =
            Batches.of(
                doubles(allocator, "a", 1.0, 2.0),
                longs(allocator, "b", 10L, 10L),
                strings(allocator, "c", "x", "y"));
        VectorSchemaRoot second =
            Batches.of(
                doubles(allocator, "a", null, 3.0, 4.0),
                longs(allocator, "b", 10L, null, 10L),
                strings(allocator, "c", null, "x", "z"))) {
      for (java.util.function.Supplier<Preprocessor> make :
          List.<java.util.function.Supplier<Preprocessor>>of(
              () -> new StandardScaler("a", "b"),
              () -> new MinMaxScaler("a"),
              () -> new RobustScaler("a"),
              () -> new OneHotEncoder("c"),
              () -> new SimpleImputer(List.of("c"), SimpleImputer.Strategy.MOST_FREQUENT, null))) {
        Map<String, Object> one = make.get().fitBatches(List.of(whole)).stats();
        Map<String, Object> two = make.get().fitBatches(List.of(first, second)).stats();
        assertEquals(one.keySet(), two.keySet());
        one.forEach(
            (k, v) -> {
              if (v instanceof Double) {
                assertEquals((Double) v, (Double) two.get(k), EPS, k);
              } else {
                assertEquals(v, two.get(k), k);
              }
            });
      }
    }
  }

  @Test
  void normalizerScalesRowsAndLeavesZeroRowsAndNulls() {
    try (VectorSchemaRoot batch =
        Batches.of(
            doubles(allocator, "x", 3.0, 0.0, null), doubles(allocator, "y", 4.0, 0.0, 2.0))) {
      Normalizer l2 = new Normalizer("x", "y");
      assertTrue(l2.isFitted());
      assertDoubles(Arrays.asList(0.6, 0.0, null), transformed(l2, batch, "x"));
      assertDoubles(Arrays.asList(0.8, 0.0, 1.0), transformed(l2, batch, "y"));
      assertDoubles(
          Arrays.asList(3 / 7.0, 0.0, null),
          transformed(new Normalizer("x", "y").setNorm("l1"), batch, "x"));
      assertDoubles(
          Arrays.asList(0.75, 0.0, null),
          transformed(new Normalizer("x", "y").setNorm("max"), batch, "x"));
      assertThrows(IllegalArgumentException.class, () -> new Normalizer("x").setNorm("l3"));
      assertThrows(IllegalArgumentException.class, () -> new Normalizer("x").setNorm(null));
    }
  }

  @Test
  void encodersLearnSortedCategoriesAndHandleNullsAndUnseenValues() {
    try (VectorSchemaRoot batch = sample();
        VectorSchemaRoot unseen = Batches.of(strings(allocator, "c", "w", "z"))) {
      OneHotEncoder oneHot = new OneHotEncoder("c");
      oneHot.fitBatches(List.of(batch));
      assertEquals(Map.of("unique_values(c)", Map.of("x", 0, "y", 1, "z", 2)), oneHot.stats());
      try (VectorSchemaRoot out = oneHot.transformBatch(batch)) {
        assertEquals(List.of("a", "b", "c_x", "c_y", "c_z"), names(out));
        assertEquals(List.of(1, 0, 0, 1, 0), values(out, "c_x"));
        assertEquals(List.of(0, 1, 0, 0, 0), values(out, "c_y"));
        assertEquals(List.of(0, 0, 0, 0, 1), values(out, "c_z"));
      }
      try (VectorSchemaRoot out = oneHot.transformBatch(unseen)) {
        assertEquals(List.of(0, 0), values(out, "c_x"));
        assertEquals(List.of(0, 1), values(out, "c_z"));
      }
      OneHotEncoder top = new OneHotEncoder("c").setMaxCategories("c", 1);
      top.fitBatches(List.of(batch));
      assertEquals(Map.of("unique_values(c)", Map.of("x", 0)), top.stats());

      OrdinalEncoder ordinal = new OrdinalEncoder("c");
      ordinal.fitBatches(List.of(batch));
      assertEquals(Arrays.asList(0, 1, null, 0, 2), transformed(ordinal, batch, "c"));
      assertEquals(Arrays.asList(null, 2), transformed(ordinal, unseen, "c"));

      LabelEncoder label = new LabelEncoder("c");
      label.fitBatches(List.of(batch));
      assertEquals(Arrays.asList(0, 1, null, 0, 2), transformed(label, batch, "c"));
    }
    try (VectorSchemaRoot numbers = Batches.of(longs(allocator, "n", 5L, 3L, 5L))) {
      OrdinalEncoder ordinal = new OrdinalEncoder("n");
      ordinal.fitBatches(List.of(numbers));
      assertEquals(List.of(1, 0, 1), transformed(ordinal, numbers, "n"));
      Preprocessor loaded = Preprocessors.fromJson(Preprocessors.toJson(ordinal));
      assertEquals(List.of(1, 0, 1), transformed(loaded, numbers, "n"));
    }
  }

  @Test
  void simpleImputerFillsNulls() {
    try (VectorSchemaRoot batch = sample()) {
      SimpleImputer mean = new SimpleImputer("a");
      mean.fitBatches(List.of(batch));
      assertEquals(Map.of("mean(a)", 2.5), mean.stats());
      assertDoubles(List.of(1.0, 2.0, 2.5, 3.0, 4.0), transformed(mean, batch, "a"));

      SimpleImputer frequent =
          new SimpleImputer(List.of("c"), SimpleImputer.Strategy.MOST_FREQUENT, null);
      frequent.fitBatches(List.of(batch));
      assertEquals(Map.of("most_frequent(c)", "x"), frequent.stats());
      assertEquals(List.of("x", "y", "x", "x", "z"), transformed(frequent, batch, "c"));

      SimpleImputer constant =
          new SimpleImputer(List.of("c"), SimpleImputer.Strategy.of("constant"), "missing");
      assertTrue(constant.isFitted());
      assertEquals(List.of("x", "y", "missing", "x", "z"), transformed(constant, batch, "c"));
      assertDoubles(
          List.of(1.0, 2.0, 0.0, 3.0, 4.0),
          transformed(
              new SimpleImputer(List.of("a"), SimpleImputer.Strategy.CONSTANT, 0), batch, "a"));
      assertThrows(
          IllegalArgumentException.class,
          () -> new SimpleImputer(List.of("a"), SimpleImputer.Strategy.CONSTANT, null));
      assertThrows(IllegalArgumentException.class, () -> SimpleImputer.Strategy.of("median"));
    }
  }

  @Test
  void concatenatorJoinsColumnsIntoDoubleArrays() {
    try (VectorSchemaRoot batch = sample()) {
      Concatenator all = new Concatenator().setExclude("c").setOutputColumn("features");
      try (VectorSchemaRoot out = all.transformBatch(batch)) {
        assertEquals(List.of("c", "features"), names(out));
        List<Object> rows = values(out, "features");
        assertEquals(List.of(1.0, 10.0), rows.get(0));
        assertTrue(Double.isNaN((Double) ((List<?>) rows.get(2)).get(0)), "null becomes NaN");
        assertTrue(Double.isNaN((Double) ((List<?>) rows.get(3)).get(1)));
      }
      Concatenator some = new Concatenator().setInclude("b", "a");
      try (VectorSchemaRoot out = some.transformBatch(batch)) {
        assertEquals(List.of("c", "concat_out"), names(out));
        assertEquals(List.of(10.0, 1.0), values(out, "concat_out").get(0));
      }
      IllegalArgumentException notNumeric =
          assertThrows(
              IllegalArgumentException.class, () -> new Concatenator().transformBatch(batch));
      assertTrue(notNumeric.getMessage().contains("'c'"), notNumeric.getMessage());
    }
  }

  @Test
  void chainFitsEachStageOnTheOutputOfTheOnesBefore() {
    try (VectorSchemaRoot batch = sample()) {
      Chain chain =
          new Chain(
              new StandardScaler("a"),
              new MinMaxScaler("a"),
              new Concatenator().setInclude("a", "b"));
      assertFalse(chain.isFitted());
      chain.fitBatches(List.of(batch));
      assertTrue(chain.isFitted());
      assertEquals(-1.5 / Math.sqrt(1.25), (Double) chain.stats().get("min(a)"), EPS);
      try (VectorSchemaRoot out = chain.transformBatch(batch)) {
        assertEquals(List.of("c", "concat_out"), names(out));
        assertEquals(List.of(0.0, 10.0), values(out, "concat_out").get(0));
        assertEquals(1.0, (Double) ((List<?>) values(out, "concat_out").get(4)).get(0), EPS);
      }
    }
  }

  @Test
  void batchMapperRunsAUserFunctionAndSurvivesJson() {
    BatchMapper.Function addOne = (batch, alloc) -> new FormatSamples.AddOne().apply(batch, alloc);
    try (VectorSchemaRoot batch = sample()) {
      BatchMapper mapper = new BatchMapper(addOne);
      assertDoubles(
          Arrays.asList(2.0, 3.0, null, 4.0, 5.0), transformed(mapper, batch, "a_plus_one"));
      Preprocessor loaded = Preprocessors.fromJson(Preprocessors.toJson(mapper));
      assertDoubles(
          Arrays.asList(2.0, 3.0, null, 4.0, 5.0), transformed(loaded, batch, "a_plus_one"));
      BatchMapper identity = new BatchMapper((b, alloc) -> b);
      assertEquals(values(batch, "c"), transformed(identity, batch, "c"));
    }
  }

  @Test
  void everyPreprocessorRoundTripsThroughJson() {
    try (VectorSchemaRoot batch = sample()) {
      List<Preprocessor> all =
          List.of(
              new StandardScaler("a", "b"),
              new MinMaxScaler("a"),
              new MaxAbsScaler("a"),
              new RobustScaler("a").setQuantileRange(0.1, 0.9),
              new Normalizer("a", "b").setNorm("l1"),
              new OneHotEncoder("c"),
              new OrdinalEncoder("c"),
              new LabelEncoder("c"),
              new SimpleImputer("a"),
              new Concatenator().setInclude("a", "b"),
              new Chain(new SimpleImputer("a"), new StandardScaler("a")));
      for (Preprocessor p : all) {
        p.fitBatches(List.of(batch));
        String json = Preprocessors.toJson(p);
        assertTrue(json.contains("\"type\" : \"" + p.getClass().getSimpleName() + "\""), json);
        Preprocessor loaded = Preprocessors.fromJson(json);
        assertEquals(p.getClass(), loaded.getClass());
        assertEquals(p.stats().toString(), loaded.stats().toString(), p.toString());
        try (VectorSchemaRoot a = p.transformBatch(batch);
            VectorSchemaRoot b = loaded.transformBatch(batch)) {
          assertEquals(a.contentToTSVString(), b.contentToTSVString(), p.toString());
        }
      }
      String unfitted = Preprocessors.toJson(new StandardScaler("a"));
      assertFalse(Preprocessors.fromJson(unfitted).isFitted());
    }
  }

  @Test
  void badInputFailsWithClearMessages() {
    try (VectorSchemaRoot batch = sample()) {
      IllegalArgumentException missing =
          assertThrows(
              IllegalArgumentException.class,
              () -> new StandardScaler("a", "nope").fitBatches(List.of(batch)));
      assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
      StandardScaler fitted = new StandardScaler("a");
      fitted.fitBatches(List.of(batch));
      try (VectorSchemaRoot other = Batches.of(doubles(allocator, "b", 1.0))) {
        IllegalArgumentException gone =
            assertThrows(IllegalArgumentException.class, () -> fitted.transformBatch(other));
        assertTrue(gone.getMessage().contains("'a'"), gone.getMessage());
      }
      IllegalArgumentException text =
          assertThrows(
              IllegalArgumentException.class,
              () -> new MinMaxScaler("c").fitBatches(List.of(batch)));
      assertTrue(
          text.getMessage().contains("'c'") && text.getMessage().contains("numeric"),
          text.getMessage());
      assertThrows(IllegalArgumentException.class, () -> new StandardScaler(List.of()));
      assertThrows(IllegalArgumentException.class, () -> new StandardScaler("a", "a"));
      assertThrows(
          IllegalArgumentException.class, () -> new RobustScaler("a").setQuantileRange(0.8, 0.2));
      IllegalArgumentException future =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  Preprocessors.fromJson(
                      Preprocessors.toJson(fitted)
                          .replace("\"formatVersion\" : 1", "\"formatVersion\" : 7")));
      assertTrue(future.getMessage().contains("format version 7"), future.getMessage());
      IllegalArgumentException unknown =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  Preprocessors.fromJson(
                      "{\"formatVersion\":1,\"preprocessor\":{\"type\":\"Nope\"}}"));
      assertTrue(unknown.getMessage().contains("Nope"), unknown.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Preprocessors.fromJson("not json"));
    }
  }

  @Test
  void emptyBatchesFitToNaNAndTransformToEmptyBatches() {
    try (VectorSchemaRoot empty = Batches.of(doubles(allocator, "a"), strings(allocator, "c"))) {
      StandardScaler scaler = new StandardScaler("a");
      scaler.fitBatches(List.of(empty));
      assertTrue(Double.isNaN((Double) scaler.stats().get("mean(a)")));
      try (VectorSchemaRoot out = scaler.transformBatch(empty)) {
        assertEquals(0, out.getRowCount());
        assertEquals(List.of("a", "c"), names(out));
      }
      OneHotEncoder oneHot = new OneHotEncoder("c");
      oneHot.fitBatches(List.of(empty));
      try (VectorSchemaRoot out = oneHot.transformBatch(empty)) {
        assertEquals(List.of("a"), names(out));
      }
    }
  }
}
