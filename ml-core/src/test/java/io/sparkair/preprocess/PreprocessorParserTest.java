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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Preprocessor JSON that cannot be read fails naming the field and the type. */
class PreprocessorParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The message of reading a format 1 file after {@code change} to its preprocessor object. */
  private static String failure(String file, Consumer<ObjectNode> change) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(PreprocessorFormatTest.format1(file));
    change.accept((ObjectNode) root.get("preprocessor"));
    String json = JSON.writeValueAsString(root);
    return assertThrows(IllegalArgumentException.class, () -> Preprocessors.fromJson(json))
        .getMessage();
  }

  private static void assertMessage(String expected, String message) {
    assertTrue(message.contains(expected), message);
  }

  @Test
  void aMissingFieldIsNamed() throws IOException {
    assertEquals(
        "preprocessor JSON: field 'columns' of StandardScaler is missing",
        failure("standard-scaler-fitted", p -> p.remove("columns")));
    assertEquals(
        "preprocessor JSON: field 'columns' of OneHotEncoder is missing",
        failure("one-hot-encoder", p -> p.putNull("columns")));
    assertEquals(
        "preprocessor JSON: field 'strategy' of SimpleImputer is missing",
        failure("simple-imputer-mean", p -> p.remove("strategy")));
    assertEquals(
        "preprocessor JSON: field 'stages' of Chain is missing",
        failure("chain", p -> p.remove("stages")));
    assertEquals(
        "preprocessor JSON: field 'function' of BatchMapper is missing",
        failure("batch-mapper", p -> p.remove("function")));
    assertMessage(
        "field 'fillValue' of SimpleImputer is invalid",
        failure("simple-imputer-constant", p -> p.remove("fillValue")));
  }

  @Test
  void aFieldWithADefaultMayBeMissing() throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(PreprocessorFormatTest.format1("robust-scaler"));
    ((ObjectNode) root.get("preprocessor")).remove(List.of("low", "high", "stats"));
    Preprocessor loaded = Preprocessors.fromJson(JSON.writeValueAsString(root));
    assertEquals(new RobustScaler("a", "b").toString(), loaded.toString());
    assertTrue(Preprocessors.toJson(loaded).contains("\"low\" : 0.25"));
  }

  @Test
  void aFieldOfTheWrongTypeIsNamed() throws IOException {
    assertEquals(
        "preprocessor JSON: field 'columns' of StandardScaler must be an array of "
            + "strings, got \"a\"",
        failure("standard-scaler", p -> p.put("columns", "a")));
    assertEquals(
        "preprocessor JSON: field 'stats.std(a)' of StandardScaler must be a number, "
            + "got \"wide\"",
        failure(
            "standard-scaler-fitted", p -> ((ObjectNode) p.get("stats")).put("std(a)", "wide")));
    assertEquals(
        "preprocessor JSON: field 'strategy' of SimpleImputer must be one of [MEAN, "
            + "MOST_FREQUENT, CONSTANT], got \"MEDIAN\"",
        failure("simple-imputer-mean", p -> p.put("strategy", "MEDIAN")));
    assertMessage(
        "field 'norm' of Normalizer must be one of [L1, L2, MAX], got \"max\"",
        failure("normalizer", p -> p.put("norm", "max")));
    assertMessage(
        "field 'low' of RobustScaler must be a number",
        failure("robust-scaler", p -> p.put("low", true)));
    assertMessage(
        "field 'maxCategories.c' of OneHotEncoder must be a whole number",
        failure("one-hot-encoder", p -> ((ObjectNode) p.get("maxCategories")).put("c", 1.5)));
    assertMessage(
        "field 'categories.c' of OrdinalEncoder must be an array",
        failure("ordinal-encoder-fitted", p -> ((ObjectNode) p.get("categories")).put("c", "x")));
    assertMessage(
        "field 'categories.c' of LabelEncoder must be an array of strings, numbers or "
            + "booleans",
        failure(
            "label-encoder-fitted",
            p -> ((ObjectNode) p.get("categories")).putArray("c").addArray()));
    assertMessage(
        "field 'stats' of SimpleImputer must be an object",
        failure("simple-imputer-most-frequent-fitted", p -> p.putArray("stats")));
    assertMessage(
        "field 'include' of Concatenator must be an array of strings",
        failure("concatenator-include", p -> p.putArray("include").add(1)));
    assertMessage(
        "field 'stages' of Chain must be a non-empty array of preprocessors",
        failure("chain", p -> p.putArray("stages")));
    assertMessage(
        "field 'function' of BatchMapper must be a base64 string",
        failure("batch-mapper", p -> p.put("function", 3)));
  }

  @Test
  void aValueTheTypeCannotTakeIsNamed() throws IOException {
    assertEquals(
        "preprocessor JSON: field 'columns' of MinMaxScaler is invalid: MinMaxScaler: "
            + "a column is named twice in [a, a]",
        failure("min-max-scaler", p -> p.putArray("columns").add("a").add("a")));
    assertEquals(
        "preprocessor JSON: field 'stats' of MaxAbsScaler is invalid: no statistic "
            + "'abs_max(b)' in [abs_max(a)]",
        failure("max-abs-scaler-fitted", p -> ((ObjectNode) p.get("stats")).remove("abs_max(b)")));
    assertMessage(
        "field 'high' of RobustScaler is invalid: quantile range needs 0 <= low < "
            + "high <= 1, got (0.1, 0.05)",
        failure("robust-scaler", p -> p.put("high", 0.05)));
    assertMessage(
        "field 'maxCategories' of OneHotEncoder is invalid",
        failure("one-hot-encoder", p -> ((ObjectNode) p.get("maxCategories")).put("d", 1)));
    assertEquals(
        "preprocessor JSON: field 'columns' of LabelEncoder is invalid: a LabelEncoder "
            + "encodes one column, not [c, d]",
        failure("label-encoder", p -> p.putArray("columns").add("c").add("d")));
    assertMessage(
        "field 'categories' of OrdinalEncoder is invalid: no categories of column 'b'",
        failure("ordinal-encoder-fitted", p -> ((ObjectNode) p.get("categories")).remove("b")));
    assertMessage(
        "field 'stats' of SimpleImputer is invalid: no statistic 'mean(e)'",
        failure(
            "simple-imputer-mean-fitted", p -> ((ObjectNode) p.get("stats")).remove("mean(e)")));
    assertMessage(
        "field 'outputColumn' of Concatenator is invalid",
        failure("concatenator", p -> p.put("outputColumn", "")));
    assertMessage(
        "field 'function' of BatchMapper is invalid: it is not base64",
        failure("batch-mapper", p -> p.put("function", "not base64!")));
  }

  @Test
  void aStageOfAChainIsNamedByItsType() throws IOException {
    assertEquals(
        "preprocessor JSON: field 'stats.mean(a)' of SimpleImputer must be a number, " + "got null",
        failure(
            "chain-fitted",
            p ->
                ((ObjectNode) ((ObjectNode) p.get("stages").get(0)).get("stats"))
                    .putNull("mean(a)")));
  }

  @Test
  void anUnknownTypeIsNamed() throws IOException {
    assertMessage(
        "preprocessor JSON has unknown type 'Nope'",
        failure("standard-scaler", p -> p.put("type", "Nope")));
    assertMessage(
        "preprocessor JSON type java.lang.String is not a Preprocessor",
        failure("standard-scaler", p -> p.put("type", "java.lang.String")));
    assertMessage(
        "preprocessor JSON has no \"type\"", failure("standard-scaler", p -> p.remove("type")));
    assertMessage(
        "preprocessor JSON has unknown type 'Nope'",
        failure("chain", p -> ((ObjectNode) p.get("stages").get(1)).put("type", "Nope")));
  }
}
