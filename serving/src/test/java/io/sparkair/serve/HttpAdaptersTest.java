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
package io.sparkair.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in adapters on JSON bodies, well-formed and not. */
class HttpAdaptersTest {
  private static ColumnBatch read(HttpAdapter adapter, String json) throws IOException {
    try (JsonParser parser = ConfigMapper.JSON.getFactory().createParser(json)) {
      parser.nextToken();
      return adapter.read(parser);
    }
  }

  private static void assertRefused(HttpAdapter adapter, String json, String text) {
    BadRequestException e = assertThrows(BadRequestException.class, () -> read(adapter, json));
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @Test
  void recordsBecomeTypedColumnsInFirstSeenOrderWithNullsForMissingFields() throws IOException {
    ColumnBatch rows =
        read(
            HttpAdapters.records(),
            "[{\"a\": 1, \"b\": \"x\"}, "
                + "{\"c\": [1, 2.5], \"a\": 2.5, \"d\": true}, {\"a\": null}]");
    assertEquals(3, rows.rowCount());
    assertEquals(
        List.of("a", "b", "c", "d"),
        rows.columns().stream()
            .map(ColumnBatch.Column::name)
            .collect(java.util.stream.Collectors.toList()));
    ColumnBatch.Column a = rows.columns().get(0);
    assertEquals(ColumnBatch.Kind.DOUBLE, a.kind());
    assertEquals(1.0, a.get(0));
    assertEquals(2.5, a.get(1));
    assertNull(a.get(2));
    assertEquals(ColumnBatch.Kind.STRING, rows.columns().get(1).kind());
    assertNull(rows.columns().get(1).get(1));
    assertEquals(ColumnBatch.Kind.DOUBLE_ARRAY, rows.columns().get(2).kind());
    assertArrayEquals(new double[] {1, 2.5}, (double[]) rows.columns().get(2).get(1));
    assertEquals(true, rows.columns().get(3).get(1));
    assertNull(rows.columns().get(3).get(2));
  }

  @Test
  void columnsAndASingleObjectReadTheSameRows() throws IOException {
    ColumnBatch columns = read(HttpAdapters.records(), "{\"a\": [1, 2], \"b\": [\"x\", null]}");
    assertEquals(2, columns.rowCount());
    assertEquals("x", columns.columns().get(1).get(0));
    assertEquals(2, read(HttpAdapters.columns(), "{\"a\": [1, 2]}").rowCount());
    ColumnBatch one = read(HttpAdapters.singleObject(), "{\"a\": 3, \"b\": false}");
    assertEquals(1, one.rowCount());
    assertEquals(3.0, one.columns().get(0).get(0));
    assertEquals(false, one.columns().get(1).get(0));
  }

  @Test
  void badBodiesAreRefusedNamingTheColumn() {
    HttpAdapter records = HttpAdapters.records();
    assertRefused(records, "42", "JSON array of row objects");
    assertRefused(records, "[1]", "row 0 must be a JSON object, got a number");
    assertRefused(
        records,
        "[{\"a\": 1}, {\"a\": \"x\"}]",
        "column 'a' mixes types: double and string (row 1)");
    assertRefused(records, "[{\"a\": {\"b\": 1}}]", "column 'a' holds an object");
    assertRefused(records, "[{\"a\": [1, \"x\"]}]", "column 'a' holds an array with a string");
    assertRefused(records, "{\"a\": [1, 2], \"b\": [1]}", "column 'b' has 1 values");
    assertRefused(records, "{\"a\": 1}", "column 'a' must be a JSON array");
    assertRefused(HttpAdapters.columns(), "[{\"a\": 1}]", "JSON object of column arrays");
    assertRefused(HttpAdapters.singleObject(), "[{\"a\": 1}]", "one JSON object");
  }

  @Test
  void predictionsAreWrittenAsRecordsOrOneObject() throws IOException {
    ColumnBatch predictions =
        new ColumnBatch(
            List.of(
                new ColumnBatch.Column(
                    "prediction", ColumnBatch.Kind.DOUBLE, new Object[] {1.0, 0.0}),
                new ColumnBatch.Column(
                    "probability",
                    ColumnBatch.Kind.DOUBLE_ARRAY,
                    new Object[] {new double[] {0.25, 0.75}, null})));
    assertEquals(
        "[{\"prediction\":1.0,\"probability\":[0.25,0.75]},"
            + "{\"prediction\":0.0,\"probability\":null}]",
        write(HttpAdapters.records(), predictions));
    assertEquals(
        "{\"prediction\":1.0,\"probability\":[0.25,0.75]}",
        write(HttpAdapters.singleObject(), predictions));
  }

  private static String write(HttpAdapter adapter, ColumnBatch predictions) throws IOException {
    StringWriter out = new StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator generator =
        ConfigMapper.JSON.getFactory().createGenerator(out)) {
      adapter.write(predictions, generator);
    }
    return out.toString();
  }
}
