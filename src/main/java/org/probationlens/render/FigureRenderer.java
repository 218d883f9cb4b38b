package org.probationlens.render;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.event.EventHandler;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Renders a tablesaw-jsplot figure as an offline Plotly output: HTML (a div with its own id and a
 * script, in its own function scope, that draws into it once plotly.js is on the page) plus the
 * Plotly JSON MIME type and a plain-text summary.
 */
final class FigureRenderer {

  /** How long a figure's script waits for plotly.js to appear on the page, in milliseconds. */
  static final int WAIT_MS = 60_000;

  // HTML-safe escaping (the default) writes <, >, &, = and ' as \\u escapes, so the JSON can sit
  // inside a <script> element: it can never contain "</script>".
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();

  private FigureRenderer() {}

  /**
   * The figure as Plotly JSON: data (the traces), layout and config, normalised for plotly.js 3+.
   */
  record Spec(JsonArray data, JsonObject layout, JsonObject config) {}

  static Spec spec(Figure figure) {
    JsonArray data = new JsonArray();
    Trace[] traces = figure.getTraces();
    if (traces != null) {
      for (int i = 0; i < traces.length; i++) {
        JsonElement trace = JsLiteral.parseAssignment(traces[i].asJavascript(i), "trace " + i);
        data.add(normalise(trace));
      }
    }
    JsonObject layout = new JsonObject();
    Layout l = figure.getLayout();
    if (l != null) {
      JsonElement parsed = normalise(JsLiteral.parseAssignment(l.asJavascript(), "the layout"));
      if (!parsed.isJsonObject()) {
        throw new IllegalArgumentException("the figure's layout is not an object: " + parsed);
      }
      layout = parsed.getAsJsonObject();
    }
    JsonObject config = new JsonObject();
    config.addProperty("responsive", true);
    config.addProperty("displaylogo", false);
    Config c = figure.getConfig();
    if (c != null) {
      JsonElement given = JsonParser.parseString(c.asJSON());
      if (given.isJsonObject()) {
        for (Map.Entry<String, JsonElement> e : given.getAsJsonObject().entrySet()) {
          config.add(e.getKey(), e.getValue());
        }
      }
    }
    Spec spec = new Spec(data, layout, config);
    ChartText.accessible(spec);
    return spec;
  }

  /**
   * Rewrites attributes that plotly.js 3 dropped into the form every plotly.js since 1.43 reads: a
   * string {@code title} becomes {@code {text: ...}} and {@code titlefont} moves to {@code
   * title.font}, at any depth.
   */
  static JsonElement normalise(JsonElement e) {
    if (e.isJsonArray()) {
      JsonArray out = new JsonArray();
      for (JsonElement x : e.getAsJsonArray()) {
        out.add(normalise(x));
      }
      return out;
    }
    if (!e.isJsonObject()) {
      return e;
    }
    JsonObject out = new JsonObject();
    JsonElement titleFont = null;
    for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
      String key = m.getKey();
      JsonElement value = m.getValue();
      if (key.equals("titlefont")) {
        titleFont = normalise(value);
      } else if (key.equals("title") && value.isJsonPrimitive()) {
        JsonObject title = new JsonObject();
        title.add("text", value);
        out.add("title", title);
      } else {
        out.add(key, normalise(value));
      }
    }
    if (titleFont != null && !titleFont.isJsonNull()) {
      JsonObject title =
          out.has("title") && out.get("title").isJsonObject()
              ? out.getAsJsonObject("title")
              : new JsonObject();
      title.add("font", titleFont);
      out.add("title", title);
    }
    return out;
  }

  static MimeBundle render(Figure figure, String caption, String divId) {
    Spec spec = spec(figure);
    Map<String, String> data = new LinkedHashMap<>();
    data.put(MimeBundle.TEXT_PLAIN, plain(spec, caption));
    data.put(MimeBundle.TEXT_HTML, html(figure, spec, caption, divId));
    data.put(MimeBundle.PLOTLY_JSON, plotlyJson(spec, caption));
    return new MimeBundle(data);
  }

  private static String title(Spec spec) {
    JsonElement t = spec.layout().get("title");
    if (t != null && t.isJsonObject()) {
      JsonElement text = t.getAsJsonObject().get("text");
      if (text != null && text.isJsonPrimitive() && !text.getAsString().isBlank()) {
        return text.getAsString();
      }
    }
    return null;
  }

  static String plain(Spec spec, String caption) {
    List<String> kinds = new ArrayList<>();
    for (JsonElement t : spec.data()) {
      JsonElement type = t.isJsonObject() ? t.getAsJsonObject().get("type") : null;
      kinds.add(type != null && type.isJsonPrimitive() ? type.getAsString() : "trace");
    }
    String title = title(spec);
    StringBuilder b = new StringBuilder("Plotly figure");
    if (title != null) {
      b.append(": ").append(title);
    }
    b.append(" (")
        .append(Text.count(kinds.size(), "trace", "traces"))
        .append(kinds.isEmpty() ? "" : ": " + String.join(", ", kinds))
        .append(")");
    b.append('\n').append(ChartText.describe(spec, null));
    if (caption != null) {
      b.append("\nSource: ").append(caption);
    }
    return b.toString();
  }

  static String plotlyJson(Spec spec, String caption) {
    JsonObject layout = spec.layout().deepCopy();
    if (caption != null) {
      // No HTML around the JSON in JupyterLab or VS Code: the source goes on the figure itself.
      JsonArray annotations =
          layout.has("annotations") && layout.get("annotations").isJsonArray()
              ? layout.getAsJsonArray("annotations")
              : new JsonArray();
      JsonObject a = new JsonObject();
      a.addProperty("text", "Source: " + Text.html(caption));
      a.addProperty("showarrow", false);
      a.addProperty("xref", "paper");
      a.addProperty("yref", "paper");
      a.addProperty("x", 0);
      a.addProperty("y", 0);
      a.addProperty("xanchor", "left");
      a.addProperty("yanchor", "top");
      a.addProperty("yshift", -62);
      a.addProperty("align", "left");
      JsonObject font = new JsonObject();
      font.addProperty("size", 11);
      font.addProperty("color", "#666666");
      a.add("font", font);
      annotations.add(a);
      layout.add("annotations", annotations);
      JsonObject margin =
          layout.has("margin") && layout.get("margin").isJsonObject()
              ? layout.getAsJsonObject("margin")
              : new JsonObject();
      JsonElement b = margin.get("b");
      if (b == null || !b.isJsonPrimitive() || b.getAsDouble() < 90) {
        margin.add("b", new JsonPrimitive(90));
      }
      layout.add("margin", margin);
    }
    JsonObject out = new JsonObject();
    out.add("data", spec.data());
    out.add("layout", layout);
    out.add("config", spec.config());
    return GSON.toJson(out);
  }

  static String html(Figure figure, Spec spec, String caption, String divId) {
    JsonObject payload = new JsonObject();
    payload.add("data", spec.data());
    payload.add("layout", spec.layout());
    payload.add("config", spec.config());
    String title = title(spec);
    StringBuilder b = new StringBuilder(1024);
    // the text alternative, made from the chart's data, is what a screen reader announces for
    // the figure (aria-describedby); its data table is one click away in a <details> below
    String alt = ChartText.describe(spec, caption);
    b.append("<div class=\"pl-figure\" role=\"figure\" aria-label=\"")
        .append(Text.html(title == null ? "Chart" : "Chart: " + ChartText.plainText(title)))
        .append("\" aria-describedby=\"")
        .append(divId)
        .append("-alt\">\n");
    b.append("<div id=\"")
        .append(divId)
        .append("\" class=\"pl-plot\"><div class=\"pl-waiting\" style=\"padding:1em 0;")
        .append("font-size:12px;opacity:0.7\">Chart")
        .append(title == null ? "" : " \u201c" + Text.html(title) + "\u201d")
        .append(" not drawn yet: it needs JavaScript and plotly.js, which the Probation Lens ")
        .append(
            "kernel loads from its Jupyter installation. In Jupyter Notebook, trust the notebook ")
        .append("(File \u203a Trust Notebook) or run it again.</div></div>\n");
    b.append("<p id=\"")
        .append(divId)
        .append("-alt\" class=\"pl-alt\" style=\"position:absolute;width:1px;height:1px;")
        .append("margin:-1px;padding:0;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;")
        .append("border:0\">")
        .append(Text.html(alt))
        .append("</p>\n");
    if (caption != null) {
      b.append(
              "<div class=\"pl-source\" style=\"font-size:11px;opacity:0.75;margin:0.2em 0 0.5em 0\">")
          .append("Source: ")
          .append(Text.html(caption))
          .append("</div>\n");
    }
    String table = ChartText.tableHtml(spec);
    if (!table.isEmpty()) {
      b.append("<details class=\"pl-chart-data\" style=\"font-size:12px;margin:0 0 0.5em 0\">")
          .append("<summary>Data table")
          .append(title == null ? "" : ": " + Text.html(ChartText.plainText(title)))
          .append("</summary>\n")
          .append(table)
          .append("</details>\n");
    }
    b.append("<script type=\"text/javascript\">\n(function () {\n")
        .append("  var id = ")
        .append(GSON.toJson(divId))
        .append(";\n  var spec = ")
        .append(GSON.toJson(payload))
        .append(";\n")
        .append("  function draw() {\n")
        .append("    var target = document.getElementById(id);\n")
        .append("    if (!target) { return; }\n")
        .append("    target.innerHTML = \"\";\n")
        .append("    window.Plotly.newPlot(target, spec.data, spec.layout, spec.config);\n")
        .append(eventHandlers(figure, divId))
        .append("  }\n")
        .append("  if (window.Plotly) { draw(); return; }\n")
        .append("  var waited = 0;\n")
        .append("  var timer = setInterval(function () {\n")
        .append("    if (window.Plotly) { clearInterval(timer); draw(); return; }\n")
        .append("    waited += 100;\n")
        .append("    if (waited >= ")
        .append(WAIT_MS)
        .append(") {\n")
        .append("      clearInterval(timer);\n")
        .append("      var target = document.getElementById(id);\n")
        .append("      if (target) { target.textContent = \"Chart not drawn: plotly.js was not ")
        .append(
            "loaded on this page. Run the notebook again with the Probation Lens kernel.\"; }\n")
        .append("    }\n")
        .append("  }, 100);\n")
        .append("})();\n</script>\n</div>\n");
    return b.toString();
  }

  /** Tablesaw event handlers, run in the same function scope with {@code target} as the div. */
  private static String eventHandlers(Figure figure, String divId) {
    EventHandler[] handlers = figure.getEventHandlers();
    if (handlers == null || handlers.length == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (EventHandler h : handlers) {
      b.append(h.asJavascript("target", divId)).append('\n');
    }
    return b.toString();
  }
}
