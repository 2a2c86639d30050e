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
package io.sparkair.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment's progress as people read it: a console table of every trial (id, status,
 * configuration, latest metric, iterations, time), and, at the end, an HTML page with one curve per
 * trial of the metric over training iterations (inline SVG, no script, opens offline).
 */
final class ProgressReporter {
  private static final String[] COLORS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"
  };

  private final String experiment;
  private final String metric;

  ProgressReporter(String experiment, String metric) {
    this.experiment = experiment;
    this.metric = metric;
  }

  /** The console table of the trials as they stand. */
  String table(List<TrialStatus> trials) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "== %s: %d trials ==%n", experiment, trials.size()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-12s %-11s %12s %5s %8s  %s%n",
            "trial",
            "status",
            shorten(metric, 12),
            "iter",
            "time s",
            "config"));
    for (TrialStatus t : trials) {
      Object value = t.latest.get(metric);
      Object iteration = t.latest.getOrDefault("training_iteration", "");
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %-11s %12s %5s %8.1f  %s%n",
              t.trialId,
              t.state,
              value instanceof Number
                  ? String.format(Locale.ROOT, "%.5g", ((Number) value).doubleValue())
                  : "",
              iteration,
              t.seconds(),
              shorten(flat(t.config), 60)));
    }
    return out.toString();
  }

  /** The HTML report: a page with the experiment's name and its {@link #fragment}. */
  String html(List<TrialStatus> trials) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        + escape(experiment)
        + "</title></head>\n<body style=\"font-family:sans-serif\">\n<h1>"
        + escape(experiment)
        + "</h1>\n"
        + fragment(trials)
        + "</body></html>\n";
  }

  /** A line chart of the metric per trial, as inline SVG, and the trial table, as HTML. */
  String fragment(List<TrialStatus> trials) {
    double maxX = 1;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (TrialStatus t : trials) {
      for (double[] p : t.curve()) {
        maxX = Math.max(maxX, p[0]);
        minY = Math.min(minY, p[1]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    if (minY > maxY) {
      minY = 0;
      maxY = 1;
    } else if (minY == maxY) {
      maxY = minY + 1;
    }
    double margin = (maxY - minY) * 0.05;
    double low = minY - margin;
    double high = maxY + margin;
    int width = 720;
    int height = 400;
    int pad = 50;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" " + "width=\"%d\" height=\"%d\">%n",
            width,
            height));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                + "fill=\"none\" stroke=\"#999\"/>%n",
            pad,
            pad / 2,
            width - pad - 10,
            height - pad - pad / 2));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
            pad,
            height - 10,
            "training_iteration (1 to " + (int) maxX + ")"));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"5\" y=\"15\" font-size=\"12\">%s: %.4g to " + "%.4g</text>%n",
            escape(metric),
            minY,
            maxY));
    for (int i = 0; i < trials.size(); i++) {
      List<double[]> curve = trials.get(i).curve();
      if (curve.isEmpty()) {
        continue;
      }
      List<String> points = new ArrayList<>();
      for (double[] p : curve) {
        double x = pad + (p[0] / maxX) * (width - pad - 10);
        double y = pad / 2.0 + (1 - (p[1] - low) / (high - low)) * (height - pad - pad / 2.0);
        points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline data-trial=\"%s\" fill=\"none\" "
                  + "stroke=\"%s\" stroke-width=\"2\" points=\"%s\"><title>%s</title></polyline>%n",
              trials.get(i).trialId,
              COLORS[i % COLORS.length],
              String.join(" ", points),
              escape(trials.get(i).trialId + " " + flat(trials.get(i).config))));
    }
    svg.append("</svg>\n");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < trials.size(); i++) {
      TrialStatus t = trials.get(i);
      Object value = t.latest.get(metric);
      rows.append(
          String.format(
              Locale.ROOT,
              "<tr><td style=\"color:%s;white-space:nowrap\">"
                  + "&#9632; %s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
              COLORS[i % COLORS.length],
              t.trialId,
              t.state,
              value == null ? "" : value,
              escape(flat(t.config))));
    }
    return "<p>"
        + escape(metric)
        + " per training iteration, one line per trial.</p>\n"
        + svg
        + "<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">\n"
        + "<tr><th>trial</th><th>status</th><th>"
        + escape(metric)
        + "</th><th>config</th></tr>\n"
        + rows
        + "</table>\n";
  }

  private static String flat(Map<String, Object> config) {
    StringBuilder out = new StringBuilder();
    flatten("", config, out);
    return out.toString();
  }

  private static void flatten(String prefix, Map<String, Object> config, StringBuilder out) {
    config.forEach(
        (k, v) -> {
          if (v instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) v;
            flatten(prefix + k + "/", inner, out);
          } else {
            if (out.length() > 0) {
              out.append(' ');
            }
            out.append(prefix).append(k).append('=').append(v);
          }
        });
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
