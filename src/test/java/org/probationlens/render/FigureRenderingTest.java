package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Font;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;

/** Offline Plotly figures: the HTML's scoping, the JSON's content, the source line. */
class FigureRenderingTest {

  /** Synthetic shortfalls for three PCC areas (not published figures). */
  static Figure bar() {
    Table t =
        Table.create(
            "shortfall",
            StringColumn.create("pcc_area", "BED", "O'Brien & <Co>", "LDN"),
            DoubleColumn.create("shortfall_pct", 6.0, Double.NaN, 36.0));
    return VerticalBarPlot.create("Shortfall 'by' area & <more>", t, "pcc_area", "shortfall_pct");
  }

  static JsonObject json(MimeBundle b) {
    return JsonParser.parseString(b.get(MimeBundle.PLOTLY_JSON).orElseThrow()).getAsJsonObject();
  }

  @Test
  void figureMatchesGoldenHtmlAndJson() throws Exception {
    MimeBundle b = FigureRenderer.render(bar(), "synthetic data, seed 2014", "pl-fig-golden");
    Golden.assertMatches("figure-bar.html", b.get(MimeBundle.TEXT_HTML).orElseThrow());
    Golden.assertMatches("figure-bar.json", b.get(MimeBundle.PLOTLY_JSON).orElseThrow());
    assertEquals(
        "Plotly figure: Shortfall 'by' area & <more> (1 trace: bar)\n"
            + "Bar chart: Shortfall 'by' area & <more>. 3 bars; highest 36 (LDN), lowest 6 (BED);"
            + " 1 missing.\n"
            + "Source: synthetic data, seed 2014",
        b.plain());
  }

  @Test
  void jsonCarriesTheDataFaithfullyAndTheTitleAsAnObject() {
    JsonObject j = json(Renderers.figure(bar()));
    JsonObject trace = j.getAsJsonArray("data").get(0).getAsJsonObject();
    assertEquals("bar", trace.get("type").getAsString());
    JsonArray x = trace.getAsJsonArray("x");
    assertEquals("O'Brien & <Co>", x.get(1).getAsString());
    JsonArray y = trace.getAsJsonArray("y");
    assertEquals(6.0, y.get(0).getAsDouble());
    assertTrue(y.get(1).isJsonNull(), "NaN becomes null, a gap in Plotly");
    assertEquals(36.0, y.get(2).getAsDouble());
    // Tablesaw writes title: 'Shortfall &#39;by&#39; ...' (HTML-escaped by Pebble): decoded here
    assertEquals(
        "Shortfall 'by' area & <more>",
        j.getAsJsonObject("layout").getAsJsonObject("title").get("text").getAsString());
    assertFalse(j.getAsJsonObject("layout").has("annotations"), "no source given, no annotation");
  }

  @Test
  void sourceIsAVisibleLineInHtmlAndAnAnnotationInJson() {
    MimeBundle b = Renderers.figure(bar(), "MoJ <OMSQ> & HMIP");
    assertTrue(
        b.get(MimeBundle.TEXT_HTML)
            .orElseThrow()
            .contains(">Source: MoJ &lt;OMSQ&gt; &amp; HMIP</div>"));
    JsonObject layout = json(b).getAsJsonObject("layout");
    JsonObject note = layout.getAsJsonArray("annotations").get(0).getAsJsonObject();
    // Plotly reads annotation text as HTML-like markup, so the caption is escaped for it
    assertEquals("Source: MoJ &lt;OMSQ&gt; &amp; HMIP", note.get("text").getAsString());
    assertEquals(90, layout.getAsJsonObject("margin").get("b").getAsInt());
  }

  @Test
  void blankSourceIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Renderers.figure(bar(), "  "));
    assertEquals("source must not be blank: say where the data came from", e.getMessage());
  }

  @Test
  void eachOutputHasItsOwnDivIdAndItsOwnScope() {
    Figure f = bar();
    String a = Renderers.figure(f).get(MimeBundle.TEXT_HTML).orElseThrow();
    String b = Renderers.figure(f).get(MimeBundle.TEXT_HTML).orElseThrow();
    Matcher ma = Pattern.compile("<div id=\"(pl-fig-[0-9a-f-]{36})\"").matcher(a);
    Matcher mb = Pattern.compile("<div id=\"(pl-fig-[0-9a-f-]{36})\"").matcher(b);
    assertTrue(ma.find() && mb.find());
    assertNotEquals(ma.group(1), mb.group(1));
    assertTrue(a.contains("var id = \"" + ma.group(1) + "\";"));
    // Tablesaw's own script declares globals (var layout, var trace0, var data); ours declares
    // nothing outside its function
    String script = a.substring(a.indexOf("<script"));
    assertTrue(script.startsWith("<script type=\"text/javascript\">\n(function () {\n"));
    assertTrue(script.endsWith("})();\n</script>\n</div>\n"));
    assertFalse(a.contains("var layout"));
    assertFalse(a.contains("var trace0"));
  }

  @Test
  void dataCannotCloseTheScriptElement() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("area", "</script><script>alert(1)</script>"),
            DoubleColumn.create("v", 1.0));
    String h =
        Renderers.figure(VerticalBarPlot.create("t", t, "area", "v"))
            .get(MimeBundle.TEXT_HTML)
            .orElseThrow();
    assertEquals(1, h.split("</script", -1).length - 1, "only our own closing tag");
    assertTrue(h.contains("\\u003c/script\\u003e"));
  }

  @Test
  void waitsForPlotlyWhenTheBootstrapHasNotRunYet() {
    String h = Renderers.figure(bar()).get(MimeBundle.TEXT_HTML).orElseThrow();
    assertTrue(h.contains("if (window.Plotly) { draw(); return; }"));
    assertTrue(h.contains("setInterval(function () {"));
    assertTrue(h.contains("if (waited >= 60000) {"));
  }

  @Test
  void titleFontAndAxisTitlesAreMovedToTheirPlotly3Places() {
    Layout layout =
        Layout.builder()
            .title("Starts")
            .titleFont(Font.builder().size(20).build())
            .xAxis(Axis.builder().title("Month").build())
            .build();
    Figure f = new Figure(layout, BarTrace.builder(new Object[] {"a"}, new double[] {1.0}).build());
    JsonObject l = json(Renderers.figure(f)).getAsJsonObject("layout");
    assertEquals("Starts", l.getAsJsonObject("title").get("text").getAsString());
    assertEquals(20, l.getAsJsonObject("title").getAsJsonObject("font").get("size").getAsInt());
    assertFalse(l.has("titlefont"));
    assertEquals(
        "Month", l.getAsJsonObject("xaxis").getAsJsonObject("title").get("text").getAsString());
  }

  @Test
  void aFigureWithoutLayoutGetsOnlyTheAccessiblePalette() {
    Figure f = new Figure(BarTrace.builder(new Object[] {"a"}, new double[] {2.0}).build());
    JsonObject j = json(Renderers.figure(f));
    JsonObject palette = new JsonObject();
    JsonArray colours = new JsonArray();
    org.probationlens.chart.Palette.CATEGORICAL.forEach(colours::add);
    palette.add("colorway", colours);
    assertEquals(palette, j.getAsJsonObject("layout"));
    assertEquals(
        "Plotly figure (1 trace: bar)\nBar chart. 1 bar; highest 2 (a).",
        Renderers.figure(f).plain());
  }

  @Test
  void everyTablesawPlotClassIsReadIntoPlotlyJson() {
    for (Map.Entry<String, Figure> e : TablesawFigures.all().entrySet()) {
      JsonObject j = json(Renderers.figure(e.getValue()));
      assertTrue(j.getAsJsonArray("data").size() >= 1, e.getKey());
      assertEquals(
          e.getKey(),
          j.getAsJsonObject("layout").getAsJsonObject("title").get("text").getAsString());
    }
  }

  @Test
  void configDefaultsToResponsiveWithoutTheLogo() {
    JsonObject config = json(Renderers.figure(bar())).getAsJsonObject("config");
    assertTrue(config.get("responsive").getAsBoolean());
    assertFalse(config.get("displaylogo").getAsBoolean());
  }

  @Test
  void jsLiteralReadsTablesawsSyntaxAndNamesTheSpotOfAnError() {
    JsonElement e =
        JsLiteral.parseAssignment(
            "var trace0 =\n{\nx: [\"a\\\"b\", 'c&amp;d'],\ny: [1.5, NaN, -Infinity, 2e3],\n"
                + "visible: true,\n};",
            "trace 0");
    JsonObject o = e.getAsJsonObject();
    assertEquals("a\"b", o.getAsJsonArray("x").get(0).getAsString());
    assertEquals("c&d", o.getAsJsonArray("x").get(1).getAsString());
    assertEquals(1.5, o.getAsJsonArray("y").get(0).getAsDouble());
    assertTrue(o.getAsJsonArray("y").get(1).isJsonNull());
    assertTrue(o.getAsJsonArray("y").get(2).isJsonNull());
    assertEquals(2000.0, o.getAsJsonArray("y").get(3).getAsDouble());
    IllegalArgumentException err =
        assertThrows(
            IllegalArgumentException.class,
            () -> JsLiteral.parseAssignment("var layout = { title: foo };", "the layout"));
    assertEquals(
        "cannot read the JavaScript tablesaw-jsplot wrote for the layout at offset 22: expected a"
            + " value, found the name 'foo'; text there: 'var layout = { title: foo };'",
        err.getMessage());
  }
}
