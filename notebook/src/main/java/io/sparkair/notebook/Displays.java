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
package io.sparkair.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.sparkair.data.AirDataset;
import io.sparkair.train.Result;
import io.sparkair.tune.ResultGrid;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * How a cell's value is shown: a DataFrame or an AIR dataset as an HTML table (its first rows,
 * schema and row count), a training {@link Result} as a table of its final metrics, a {@link
 * ResultGrid} as its trials' metric curves (inline SVG) and table; anything else as its text. Every
 * rich form carries the plain text too.
 */
final class Displays {
  /** Rows a table shows. */
  static final int ROWS = 10;

  /** The background of a table's header row. */
  static final String HEADER = "#dde6f3";

  private Displays() {}

  /** The display of {@code value}. */
  static DisplayData of(Object value) {
    if (value instanceof AirDataset dataset) {
      return table(dataset.toDataFrame(), dataset.count(), "AirDataset");
    }
    if (value instanceof Dataset<?> frame) {
      Dataset<Row> rows = frame.toDF();
      return table(rows, rows.count(), "DataFrame");
    }
    if (value instanceof ResultGrid grid) {
      DisplayData data = new DisplayData(grid.size() + " trials at " + grid.path());
      data.putHTML(grid.toHtml());
      return data;
    }
    if (value instanceof Result result) {
      DisplayData data = new DisplayData(result.toString());
      data.putHTML(metrics(result));
      return data;
    }
    return new DisplayData(String.valueOf(value));
  }

  private static DisplayData table(Dataset<Row> frame, long count, String kind) {
    List<Row> rows = frame.limit(ROWS).collectAsList();
    StructField[] fields = frame.schema().fields();
    StringBuilder html =
        new StringBuilder("<table class=\"spark-air\">\n<tr style=\"background:" + HEADER + "\">");
    StringBuilder text = new StringBuilder();
    for (StructField field : fields) {
      html.append("<th title=\"")
          .append(escape(field.dataType().simpleString()))
          .append("\">")
          .append(escape(field.name()))
          .append("</th>");
      text.append(field.name()).append('\t');
    }
    html.append("</tr>\n");
    text.append('\n');
    for (Row row : rows) {
      html.append("<tr>");
      for (int i = 0; i < fields.length; i++) {
        Object value =
            !row.isNullAt(i) && fields[i].dataType() instanceof ArrayType
                ? row.getList(i)
                : row.get(i);
        String cell = String.valueOf(value);
        html.append("<td>").append(escape(cell)).append("</td>");
        text.append(cell).append('\t');
      }
      html.append("</tr>\n");
      text.append('\n');
    }
    String caption =
        kind + ": " + count + " rows" + (count > rows.size() ? ", the first " + rows.size() : "");
    html.append("</table>\n<p>")
        .append(escape(caption))
        .append("; schema ")
        .append(escape(frame.schema().simpleString()))
        .append("</p>\n");
    DisplayData data = new DisplayData(caption + "\n" + text);
    data.putHTML(html.toString());
    return data;
  }

  private static String metrics(Result result) {
    StringBuilder html = new StringBuilder("<table class=\"spark-air\">\n");
    html.append("<tr style=\"background:" + HEADER + "\"><th>metric</th><th>value</th></tr>\n");
    for (Map.Entry<String, Object> e : result.metrics().entrySet()) {
      html.append("<tr><td>")
          .append(escape(e.getKey()))
          .append("</td><td>")
          .append(escape(String.valueOf(e.getValue())))
          .append("</td></tr>\n");
    }
    html.append("</table>\n<p>")
        .append(escape(result.metricsHistory().size() + " reports; checkpoint "))
        .append(escape(String.valueOf(result.checkpoint())))
        .append("</p>\n");
    return html.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
