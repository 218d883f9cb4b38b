package org.probationlens.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probationlens.chart.Palette;

/**
 * What a chart says in words, made from its own data, for a reader who cannot see it: a text
 * alternative (what it shows, each series' highest and lowest values, its reference lines, its
 * source) and the data behind it as a table. The Government Analysis Function asks for both: "a
 * text alternative" for every chart and, for an HTML chart, the data a click away as a table ("Data
 * visualisation: charts",
 * https://analysisfunction.civilservice.gov.uk/policy-store/data-visualisation-charts/; its
 * e-learning module 10, "Publishing charts", on HTML charts that switch to a table view). Also the
 * place that styles a figure so that no series is told apart by colour alone (see {@link
 * #accessible}).
 *
 * <p>A series is a trace shown in the legend. Traces hidden from the legend are part of another
 * series (a confidence band, the upper line of a pair of limits) and are left out. When a chart has
 * bars or points, its line-only traces are reference lines (a pooled share, control limits): named
 * in the text, not tabulated.
 */
final class ChartText {

  /** The most rows a chart's data table shows; the rest are counted under it. */
  static final int MAX_ROWS = 500;

  private ChartText() {}

  /** One series of a chart: its name, its labels (categories or point names) and values. */
  record Series(String name, String kind, List<String> labels, List<String> x, double[] values) {}

  /** The figure's series and reference lines, read from its Plotly JSON. */
  record Read(String title, String xTitle, String yTitle, List<Series> series, List<String> lines) {

    /** The kind of chart in words: "Bar chart", "Line chart", "Scatter chart" or "Chart". */
    String kind() {
      boolean bars = series.stream().allMatch(s -> s.kind().equals("bars"));
      boolean lines = series.stream().allMatch(s -> s.kind().equals("line"));
      boolean points = series.stream().allMatch(s -> s.kind().equals("points"));
      return series.isEmpty()
          ? "Chart"
          : bars ? "Bar chart" : lines ? "Line chart" : points ? "Scatter chart" : "Chart";
    }
  }

  static Read read(FigureRenderer.Spec spec) {
    JsonObject layout = spec.layout();
    String title = text(layout.get("title"));
    String xTitle = axisTitle(layout, "xaxis");
    String yTitle = axisTitle(layout, "yaxis");
    List<JsonObject> shown = new ArrayList<>();
    boolean anyMarks = false;
    for (JsonElement e : spec.data()) {
      if (!e.isJsonObject()) {
        continue;
      }
      JsonObject t = e.getAsJsonObject();
      if (t.has("showlegend")
          && t.get("showlegend").isJsonPrimitive()
          && !t.get("showlegend").getAsBoolean()) {
        continue;
      }
      shown.add(t);
      anyMarks |= !kind(t).equals("line");
    }
    List<Series> series = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (JsonObject t : shown) {
      String kind = kind(t);
      String name = t.has("name") ? plainText(t.get("name").getAsString()) : "series";
      if (kind.equals("line") && anyMarks) {
        lines.add(name);
        continue;
      }
      boolean horizontal = "h".equals(string(t.get("orientation")));
      JsonArray cats = array(t, horizontal ? "y" : "x");
      JsonArray vals = array(t, horizontal ? "x" : "y");
      JsonArray text = array(t, "text");
      int n = Math.min(cats.size(), vals.size());
      List<String> labels = new ArrayList<>();
      List<String> x = new ArrayList<>();
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        x.add(plainText(string(cats.get(i))));
        String label = i < text.size() ? plainText(string(text.get(i))) : x.get(i);
        labels.add(label);
        v[i] = number(vals.get(i));
      }
      series.add(new Series(name, kind, labels, x, v));
    }
    return new Read(
        title,
        horizontal(spec) ? yTitle : xTitle,
        horizontal(spec) ? xTitle : yTitle,
        series,
        lines);
  }

  /**
   * The text alternative: what the chart shows, each series' extremes, its reference lines and,
   * when given, its source.
   *
   * @param spec the figure
   * @param source the source line, or null
   * @return the text, not null
   */
  static String describe(FigureRenderer.Spec spec, String source) {
    Read r = read(spec);
    StringBuilder b = new StringBuilder(r.kind());
    if (r.title() != null) {
      b.append(": ").append(r.title());
    }
    b.append('.');
    if (r.xTitle() != null || r.yTitle() != null) {
      b.append(' ');
      List<String> axes = new ArrayList<>();
      if (r.xTitle() != null) {
        axes.add((r.kind().equals("Bar chart") ? "categories: " : "across: ") + r.xTitle());
      }
      if (r.yTitle() != null) {
        axes.add("values: " + r.yTitle());
      }
      b.append(capital(String.join("; ", axes))).append('.');
    }
    for (Series s : r.series()) {
      b.append(' ').append(sentence(s, r.series().size() > 1));
    }
    if (!r.lines().isEmpty()) {
      b.append(" Reference lines: ").append(String.join(", ", r.lines())).append('.');
    }
    if (source != null) {
      // the footer line may itself begin "Source: " or "Sources: "; said once, in words
      String from = plainText(source).replaceFirst("^Sources?: ", "");
      b.append(" Where the figures come from: ").append(from);
    }
    return b.toString().strip();
  }

  private static String sentence(Series s, boolean named) {
    int n = s.values().length;
    String unit = s.kind().equals("bars") ? (n == 1 ? "bar" : "bars") : n == 1 ? "point" : "points";
    StringBuilder b = new StringBuilder();
    b.append(named ? s.name() + ": " : "").append(n).append(' ').append(unit);
    int hi = -1;
    int lo = -1;
    int missing = 0;
    for (int i = 0; i < n; i++) {
      double v = s.values()[i];
      if (Double.isNaN(v)) {
        missing++;
        continue;
      }
      if (hi < 0 || v > s.values()[hi]) {
        hi = i;
      }
      if (lo < 0 || v < s.values()[lo]) {
        lo = i;
      }
    }
    if (s.kind().equals("line") && n > 1) {
      b.append(" from ").append(s.x().get(0)).append(" to ").append(s.x().get(n - 1));
    }
    if (hi >= 0) {
      b.append("; highest ")
          .append(format(s.values()[hi]))
          .append(" (")
          .append(name(s, hi))
          .append(")");
      if (lo != hi) {
        b.append(", lowest ")
            .append(format(s.values()[lo]))
            .append(" (")
            .append(name(s, lo))
            .append(")");
      }
    }
    if (missing > 0) {
      b.append("; ").append(missing).append(" missing");
    }
    return b.append('.').toString();
  }

  /** A point's name: its label up to a colon ("NPS London: 149 of 266" gives "NPS London"). */
  private static String name(Series s, int i) {
    String label = s.labels().get(i);
    int colon = label.indexOf(": ");
    return colon > 0 ? label.substring(0, colon) : label;
  }

  /**
   * The chart's data as an HTML table: one row per category and one column per series when every
   * series has the same categories, else one row per point (series, label, x, y).
   *
   * @param spec the figure
   * @return the table, not null; an empty string when the chart has no series
   */
  static String tableHtml(FigureRenderer.Spec spec) {
    Read r = read(spec);
    if (r.series().isEmpty()) {
      return "";
    }
    boolean shared = true;
    for (Series s : r.series()) {
      shared &= s.x().equals(r.series().get(0).x()) && !s.kind().equals("points");
    }
    StringBuilder b = new StringBuilder("<table class=\"pl-chart-table\">\n<thead><tr>");
    String xTitle = r.xTitle() == null ? "x" : r.xTitle();
    String yTitle = r.yTitle() == null ? "value" : r.yTitle();
    int rows = 0;
    int total;
    if (shared) {
      b.append("<th scope=\"col\">").append(Text.html(xTitle)).append("</th>");
      for (Series s : r.series()) {
        b.append("<th scope=\"col\">")
            .append(Text.html(r.series().size() == 1 ? yTitle : s.name()))
            .append("</th>");
      }
      b.append("</tr></thead>\n<tbody>\n");
      List<String> x = r.series().get(0).x();
      total = x.size();
      for (int i = 0; i < x.size() && rows < MAX_ROWS; i++, rows++) {
        b.append("<tr><th scope=\"row\">").append(Text.html(x.get(i))).append("</th>");
        for (Series s : r.series()) {
          b.append("<td>").append(format(s.values()[i])).append("</td>");
        }
        b.append("</tr>\n");
      }
    } else {
      boolean labelled = false;
      for (Series s : r.series()) {
        labelled |= !s.labels().equals(s.x());
      }
      b.append("<th scope=\"col\">series</th>");
      if (labelled) {
        b.append("<th scope=\"col\">label</th>");
      }
      b.append("<th scope=\"col\">")
          .append(Text.html(xTitle))
          .append("</th><th scope=\"col\">")
          .append(Text.html(yTitle))
          .append("</th></tr></thead>\n<tbody>\n");
      total = 0;
      for (Series s : r.series()) {
        for (int i = 0; i < s.values().length; i++, total++) {
          if (rows >= MAX_ROWS) {
            continue;
          }
          rows++;
          b.append("<tr><th scope=\"row\">").append(Text.html(s.name())).append("</th>");
          if (labelled) {
            b.append("<td>").append(Text.html(s.labels().get(i))).append("</td>");
          }
          double x = number(new com.google.gson.JsonPrimitive(s.x().get(i)));
          b.append("<td>")
              .append(Double.isNaN(x) ? Text.html(s.x().get(i)) : format(x))
              .append("</td><td>")
              .append(format(s.values()[i]))
              .append("</td></tr>\n");
        }
      }
    }
    b.append("</tbody>\n</table>\n");
    if (total > rows) {
      b.append("<p>The first ").append(rows).append(" of ").append(total).append(" rows.</p>\n");
    }
    return b.toString();
  }

  /**
   * Styles a figure's Plotly JSON so that colour is never the only way to tell its series apart
   * (and tick labels broken into lines stay horizontal): the Analysis Function's categorical
   * colours ({@link Palette}) as the layout's colour order unless it has one, and, when a chart has
   * two or more series of a kind, each its own marker symbol (points), line dash (lines) or fill
   * pattern (bars), unless the trace sets one already. Changes {@code spec} in place.
   *
   * @param spec the figure's JSON
   */
  static void accessible(FigureRenderer.Spec spec) {
    JsonObject layout = spec.layout();
    if (!layout.has("colorway")) {
      JsonArray colours = new JsonArray();
      int series = 0;
      for (JsonElement e : spec.data()) {
        if (e.isJsonObject() && shownInLegend(e.getAsJsonObject())) {
          series++;
        }
      }
      Palette.colours(series == 2 ? 2 : Palette.CATEGORICAL.size()).forEach(colours::add);
      layout.add("colorway", colours);
    }
    // tick labels a chart broke into lines to fit are meant to be read as they are, horizontal:
    // Plotly would otherwise turn them when it judges them crowded, over the axis title
    for (String axis : List.of("xaxis", "yaxis")) {
      JsonElement a = layout.get(axis);
      if (a != null && a.isJsonObject()) {
        JsonObject o = a.getAsJsonObject();
        JsonElement ticks = o.get("ticktext");
        if (!o.has("tickangle")
            && ticks != null
            && ticks.isJsonArray()
            && broken(ticks.getAsJsonArray())) {
          o.addProperty("tickangle", 0);
        }
      }
    }
    List<JsonObject> bars = new ArrayList<>();
    List<JsonObject> marked = new ArrayList<>();
    List<JsonObject> lined = new ArrayList<>();
    for (JsonElement e : spec.data()) {
      if (!e.isJsonObject() || !shownInLegend(e.getAsJsonObject())) {
        continue;
      }
      JsonObject t = e.getAsJsonObject();
      String mode = string(t.get("mode"));
      if ("bar".equals(string(t.get("type")))) {
        bars.add(t);
      } else {
        if (mode != null && mode.contains("markers")) {
          marked.add(t);
        }
        if (mode != null && mode.contains("lines")) {
          lined.add(t);
        }
      }
    }
    if (bars.size() > 1) {
      for (int i = 0; i < bars.size(); i++) {
        JsonObject marker = object(bars.get(i), "marker");
        if (!marker.has("pattern")) {
          JsonObject pattern = new JsonObject();
          pattern.addProperty("shape", Palette.PATTERNS.get(i % Palette.PATTERNS.size()));
          pattern.addProperty("fillmode", "overlay");
          pattern.addProperty("fgcolor", "#ffffff");
          marker.add("pattern", pattern);
        }
      }
    }
    if (marked.size() > 1) {
      for (int i = 0; i < marked.size(); i++) {
        JsonObject marker = object(marked.get(i), "marker");
        if (!marker.has("symbol")) {
          marker.addProperty("symbol", Palette.SYMBOLS.get(i % Palette.SYMBOLS.size()));
          if (!marker.has("size")) {
            marker.addProperty("size", 8);
          }
        }
      }
    }
    if (lined.size() > 1) {
      for (int i = 0; i < lined.size(); i++) {
        JsonObject line = object(lined.get(i), "line");
        if (!line.has("dash")) {
          line.addProperty("dash", Palette.DASHES.get(i % Palette.DASHES.size()));
        }
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static boolean broken(JsonArray ticks) {
    for (JsonElement t : ticks) {
      String s = string(t);
      if (s != null && s.contains("<br>")) {
        return true;
      }
    }
    return false;
  }

  private static boolean shownInLegend(JsonObject t) {
    JsonElement s = t.get("showlegend");
    return s == null || !s.isJsonPrimitive() || s.getAsBoolean();
  }

  private static JsonObject object(JsonObject parent, String key) {
    JsonElement e = parent.get(key);
    if (e != null && e.isJsonObject()) {
      return e.getAsJsonObject();
    }
    JsonObject o = new JsonObject();
    parent.add(key, o);
    return o;
  }

  private static boolean horizontal(FigureRenderer.Spec spec) {
    for (JsonElement e : spec.data()) {
      if (e.isJsonObject()
          && "bar".equals(string(e.getAsJsonObject().get("type")))
          && "h".equals(string(e.getAsJsonObject().get("orientation")))) {
        return true;
      }
    }
    return false;
  }

  private static String kind(JsonObject t) {
    if ("bar".equals(string(t.get("type")))) {
      return "bars";
    }
    String mode = string(t.get("mode"));
    return mode != null && mode.contains("lines") && !mode.contains("text") ? "line" : "points";
  }

  private static String axisTitle(JsonObject layout, String axis) {
    JsonElement a = layout.get(axis);
    return a != null && a.isJsonObject() ? text(a.getAsJsonObject().get("title")) : null;
  }

  private static String text(JsonElement title) {
    if (title == null || title.isJsonNull()) {
      return null;
    }
    String t = title.isJsonObject() ? string(title.getAsJsonObject().get("text")) : string(title);
    return t == null || t.isBlank() ? null : plainText(t);
  }

  private static String string(JsonElement e) {
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
  }

  private static JsonArray array(JsonObject t, String key) {
    JsonElement e = t.get(key);
    return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
  }

  /** A value as a number: tablesaw writes numbers as strings, and a missing one as "null". */
  private static double number(JsonElement e) {
    String s = string(e);
    if (s == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException ex) {
      return Double.NaN;
    }
  }

  /**
   * Plotly's markup as plain text: its line breaks as spaces, its few styling tags ({@code <b>},
   * {@code <i>}, {@code <sup>}, {@code <sub>}, {@code <span>}, {@code <a>}) dropped; any other
   * angle brackets are text and stay.
   */
  static String plainText(String s) {
    return s == null
        ? ""
        : s.replaceAll("(?i)<br\\s*/?>", " ")
            .replaceAll("(?i)</?(b|i|em|sup|sub|span|a)(\\s[^>]*)?>", "")
            .strip();
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * A value as a reader writes it: thousands separated, at most one decimal place (two below 10,
   * where shares such as 0.54 live).
   */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "missing";
    }
    DecimalFormat f =
        new DecimalFormat(
            Math.abs(v) < 10 ? "#,##0.##" : "#,##0.#", DecimalFormatSymbols.getInstance(Locale.UK));
    return f.format(v);
  }
}
