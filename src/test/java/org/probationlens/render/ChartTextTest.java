package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.chart.Chart;
import org.probationlens.chart.Charts;
import org.probationlens.chart.FunnelSpec;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every chart's text alternative and data table are made from its data (issue 28, item 2), and no
 * series is told apart by colour alone.
 */
class ChartTextTest {

  private static Table areas() {
    return Table.create(
        "areas",
        StringColumn.create("area", "Kent", "Essex", "Wales"),
        IntColumn.create("starts", 12, 30, 7));
  }

  @Test
  void aBarChartSaysWhatItShowsItsExtremesAndItsSource() {
    MimeBundle b =
        Renderers.figure(
            Charts.bar("Starts by area", areas(), "area", "starts", Sources.assumed("x")).figure(),
            "test source");
    FigureRenderer.Spec spec =
        FigureRenderer.spec(
            Charts.bar("Starts by area", areas(), "area", "starts", Sources.assumed("x")).figure());
    // by hand: the highest of 12, 30 and 7 is Essex's 30, the lowest Wales's 7
    assertEquals(
        "Bar chart: Starts by area. Categories: area; values: starts (count). 3 bars; highest 30"
            + " (Essex), lowest 7 (Wales). Where the figures come from: test source",
        ChartText.describe(spec, "test source"));
    String html = b.get(MimeBundle.TEXT_HTML).orElseThrow();
    String id = html.replaceAll("(?s).*?<div id=\"([^\"]+)\" class=\"pl-plot\".*", "$1");
    assertTrue(
        html.contains(
            "role=\"figure\" aria-label=\"Chart: Starts by area\" aria-describedby=\""
                + id
                + "-alt\""),
        html);
    assertTrue(html.contains("<p id=\"" + id + "-alt\" class=\"pl-alt\""), html);
    assertTrue(
        html.contains(
            "highest 30 (Essex), lowest 7 (Wales). Where the figures come from: test source</p>"),
        html);
    // the data table one click away: one row per bar, in the chart's order
    assertTrue(html.contains("<details class=\"pl-chart-data\""), html);
    assertTrue(
        html.contains(
            "<thead><tr><th scope=\"col\">area</th><th scope=\"col\">starts (count)</th></tr></thead>\n"
                + "<tbody>\n"
                + "<tr><th scope=\"row\">Kent</th><td>12</td></tr>\n"
                + "<tr><th scope=\"row\">Essex</th><td>30</td></tr>\n"
                + "<tr><th scope=\"row\">Wales</th><td>7</td></tr>\n"),
        html);
    assertTrue(b.plain().contains("highest 30 (Essex), lowest 7 (Wales)."), b.plain());
  }

  @Test
  void linesShareOneTableAndEachSeriesHasItsOwnDashAndSymbol() {
    Table t =
        Table.create(
            "years",
            StringColumn.create("financial_year", "2015-16", "2016-17", "2017-18"),
            DoubleColumn.create("lowest_cpa_pct", 6.0, 10.5, 16.0),
            DoubleColumn.create("highest_cpa_pct", 36.0, 41.25, 48.0));
    Chart c =
        Charts.lines(
            "Range",
            t,
            "financial_year",
            List.of("lowest_cpa_pct", "highest_cpa_pct"),
            "weighted shortfall against forecast (%)",
            Sources.assumed("x"));
    FigureRenderer.Spec spec = FigureRenderer.spec(c.figure());
    // 41.25 is shown to one decimal place as a reader writes it: 41.3 (half-even gives 41.2)
    assertEquals(
        "Line chart: Range. Across: financial year (April to March); values: weighted shortfall"
            + " against forecast (%). lowest CPA (%): 3 points from 2015-16 to 2017-18; highest 16"
            + " (2017-18), lowest 6 (2015-16). highest CPA (%): 3 points from 2015-16 to 2017-18;"
            + " highest 48 (2017-18), lowest 36 (2015-16).",
        ChartText.describe(spec, null));
    String table = ChartText.tableHtml(spec);
    assertTrue(
        table.contains("<tr><th scope=\"row\">2016-17</th><td>10.5</td><td>41.2</td></tr>"), table);
    JsonArray data = spec.data();
    JsonObject first = data.get(0).getAsJsonObject();
    JsonObject second = data.get(1).getAsJsonObject();
    assertEquals("solid", first.getAsJsonObject("line").get("dash").getAsString());
    assertEquals("dash", second.getAsJsonObject("line").get("dash").getAsString());
    assertEquals("circle", first.getAsJsonObject("marker").get("symbol").getAsString());
    assertEquals("square", second.getAsJsonObject("marker").get("symbol").getAsString());
    // two series: the Analysis Function's pair, dark blue and orange
    assertEquals(
        List.of("#12436D", "#F46A25"),
        List.of(
            spec.layout().getAsJsonArray("colorway").get(0).getAsString(),
            spec.layout().getAsJsonArray("colorway").get(1).getAsString()));
  }

  @Test
  void groupedBarsGetPatterns() {
    Table t = areas();
    t.addColumns(IntColumn.create("completions", 10, 20, 5));
    Chart c =
        Charts.groupedBars(
            "Starts and completions",
            t,
            "area",
            List.of("starts", "completions"),
            "orders (count)",
            Sources.assumed("x"));
    JsonArray data = FigureRenderer.spec(c.figure()).data();
    assertEquals(
        "",
        data.get(0)
            .getAsJsonObject()
            .getAsJsonObject("marker")
            .getAsJsonObject("pattern")
            .get("shape")
            .getAsString());
    assertEquals(
        "/",
        data.get(1)
            .getAsJsonObject()
            .getAsJsonObject("marker")
            .getAsJsonObject("pattern")
            .get("shape")
            .getAsString());
    String table = ChartText.tableHtml(FigureRenderer.spec(c.figure()));
    assertTrue(
        table.contains("<tr><th scope=\"row\">Essex</th><td>30</td><td>20</td></tr>"), table);
  }

  @Test
  void aFunnelNamesItsUnitsItsLimitsAndItsOutliers() {
    Table t =
        Table.create(
            "units",
            StringColumn.create("provider", "Essex CRC", "London CRC", "Wales CRC"),
            IntColumn.create("cases", 100, 400, 100),
            IntColumn.create("sufficient", 50, 240, 90));
    Chart c =
        Charts.funnel(
            "Funnel",
            t,
            FunnelSpec.units("provider")
                .cases("cases")
                .successes("sufficient")
                .axes("cases reviewed", "share judged sufficient (%)"),
            Sources.assumed("x"));
    FigureRenderer.Spec spec = FigureRenderer.spec(c.figure());
    // shares 50%, 60% and 90%; pooled 380 / 600 = 63.3%; Wales outside the 99.8% limits
    assertEquals(
        "Scatter chart: Funnel. Across: cases reviewed; values: share judged sufficient (%)."
            + " provider: 3 points; highest 90 (Wales CRC), lowest 50 (Essex CRC). outside the"
            + " 99.8% limits: 1 point; highest 90 (Wales CRC). Reference lines: pooled share"
            + " (63.3%), 95% limits, 99.8% limits.",
        ChartText.describe(spec, null));
    String table = ChartText.tableHtml(spec);
    assertTrue(
        table.contains(
            "<tr><th scope=\"row\">provider</th><td>London CRC: 240 of 400 (60.0%)</td>"
                + "<td>400</td><td>60</td></tr>"),
        table);
  }

  @Test
  void aRawFigureGetsTheAnalysisFunctionPalette() {
    JsonObject layout =
        JsonParser.parseString(
                Renderers.figure(
                        Charts.bar("t", areas(), "area", "starts", Sources.assumed("x")).figure())
                    .get(MimeBundle.PLOTLY_JSON)
                    .orElseThrow())
            .getAsJsonObject()
            .getAsJsonObject("layout");
    assertEquals("#12436D", layout.getAsJsonArray("colorway").get(0).getAsString());
    assertEquals(6, layout.getAsJsonArray("colorway").size());
  }
}
