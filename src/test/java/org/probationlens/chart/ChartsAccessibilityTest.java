package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Sources;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.Renderers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Charts an analyst can publish (issue 28): margins computed from the labels' lengths, axis titles
 * in words with units, one legend entry per funnel limit, funnel points named on hover and outliers
 * named on the chart.
 */
class ChartsAccessibilityTest {

  private static final String ARCC = "ARCC (Achieving Real Change in Communities)";
  private static final String RRP = "Reducing Reoffending Partnership";

  @Test
  void longLabelsAreBrokenIntoWholeWordsThatFitTheirShareOfTheWidth() {
    // 8 categories share 760 px: 95 px each, less 8 px of gap, at 7 px a character: 12 characters
    assertEquals(
        "ARCC<br>(Achieving<br>Real Change<br>in<br>Communities)", LabelSpace.wrap(ARCC, 12));
    assertEquals("Reducing<br>Reoffending<br>Partnership", LabelSpace.wrap(RRP, 12));
    // a word longer than a line stands alone, whole
    assertEquals("Rehabilitation<br>CRC", LabelSpace.wrap("Rehabilitation CRC", 12));
    // a broken label is as wide as its longest line: 20 characters at 7 px
    assertEquals(140, LabelSpace.width("Reducing Reoffending<br>Partnership"));
  }

  /** The chart's layout as drawn in HTML (the Plotly JSON adds room for its source line). */
  private static JsonObject layout(Chart c) {
    return JsonParser.parseString(
            Renderers.figure(c.figure()).get(MimeBundle.PLOTLY_JSON).orElseThrow())
        .getAsJsonObject()
        .getAsJsonObject("layout");
  }

  private static Table owners() {
    return Table.create(
        "owners",
        StringColumn.create(
            "owner",
            ARCC,
            RRP,
            "Sodexo",
            "Seetec",
            "MTCnovo",
            "EOS",
            "Working" + " Links",
            "Purple Futures (Interserve-led)"),
        IntColumn.create("areas_2016", 1, 2, 11, 3, 1, 1, 9, 12),
        IntColumn.create("areas_2019", 1, 2, 11, 12, 1, 1, 0, 12));
  }

  @Test
  void theBottomMarginIsComputedFromTheLabelsSoThatTheyClearTheAxisTitle() {
    Chart c =
        Charts.groupedBars(
            "PCC areas served by each CRC owner",
            owners(),
            "owner",
            List.of("areas_2016", "areas_2019"),
            "PCC areas served (count)",
            Sources.assumed("test"));
    JsonObject layout = layout(c);
    JsonObject x = layout.getAsJsonObject("xaxis");
    List<String> ticks = ChartsTest.strings(x.getAsJsonArray("ticktext"));
    assertEquals("ARCC<br>(Achieving<br>Real Change<br>in<br>Communities)", ticks.get(0));
    assertEquals("Reducing<br>Reoffending<br>Partnership", ticks.get(1));
    assertEquals(8, ticks.size());
    assertEquals("array", x.get("tickmode").getAsString());
    assertEquals(0, x.get("tickangle").getAsInt());
    // ARCC's 5 lines of 15 px, 10 px below the axis and 40 px for the title: 125 px
    assertEquals(125, layout.getAsJsonObject("margin").get("b").getAsInt());
    // the plot keeps its height: 420 px plus the 45 px beyond the usual 80 px margin
    assertEquals(465, layout.get("height").getAsInt());
    assertEquals(
        "PCC areas served (count)",
        layout.getAsJsonObject("yaxis").getAsJsonObject("title").get("text").getAsString());
  }

  @Test
  void shortLabelsKeepTheUsualMargin() {
    Table t =
        Table.create(
            "t", StringColumn.create("area", "A", "B", "C"), IntColumn.create("n", 1, 2, 3));
    Chart c = Charts.bar("Short", t, "area", "n", Sources.assumed("test"));
    JsonObject layout = layout(c);
    // one line: 10 + 15 + 40 = 65 px, below the 80 px floor
    assertEquals(80, layout.getAsJsonObject("margin").get("b").getAsInt());
    assertEquals(
        List.of("A", "B", "C"),
        ChartsTest.strings(layout.getAsJsonObject("xaxis").getAsJsonArray("ticktext")));
  }

  @Test
  void crowdedQuarterLabelsShowEveryKthSoThatTheyNeverOverlap() {
    List<String> quarters = new ArrayList<>();
    double[] v = new double[16];
    for (int i = 0; i < 16; i++) {
      quarters.add(String.format("%d-Q%d (Apr-Jun %d)", 2015 + i / 4, 1 + i % 4, 15 + i / 4));
      v[i] = 80 + i;
    }
    Table t =
        Table.create(
            "sl",
            StringColumn.create("quarter", quarters),
            DoubleColumn.create("a_pct", v),
            DoubleColumn.create("b_pct", v));
    Chart c =
        Charts.lines(
            "Service levels",
            t,
            "quarter",
            List.of("a_pct", "b_pct"),
            "cases meeting the service level (%)",
            Sources.assumed("test"));
    JsonObject layout = layout(c);
    JsonObject x = layout.getAsJsonObject("xaxis");
    // 760 / 16 = 47 px a quarter: lines of (47 - 8) / 7 = 5, at least 6 characters:
    // "2015-Q1" (7) | "(Apr-Jun" (8) | "15)"; widest 8 characters = 56 px + 12 = 68 px a label,
    // 760 / 68 = 11 labels fit, so every ceil(16 / 11) = 2nd quarter is labelled
    List<String> ticks = ChartsTest.strings(x.getAsJsonArray("ticktext"));
    assertEquals(8, ticks.size());
    assertEquals("2015-Q1<br>(Apr-Jun<br>15)", ticks.get(0));
    assertEquals("2015-Q3<br>(Apr-Jun<br>15)", ticks.get(1));
    assertEquals(2.0, x.getAsJsonArray("tickvals").get(1).getAsDouble());
    // three lines: 10 + 45 + 40 = 95 px
    assertEquals(95, layout.getAsJsonObject("margin").get("b").getAsInt());
    assertEquals(
        "cases meeting the service level (%)",
        layout.getAsJsonObject("yaxis").getAsJsonObject("title").get("text").getAsString());
  }

  @Test
  void severalSeriesSharingAUnitAreTitledInWordsNeverByTheBareUnit() {
    assertEquals(
        "lowest CPA, highest CPA, England and Wales (%)",
        Charts.seriesAxisTitle(
            List.of("lowest_cpa_pct", "highest_cpa_pct", "england_and_wales_pct")));
    // no shared unit and names too long for one title (67 characters): "value", not the first
    // series. name for all five
    assertEquals(
        "value",
        Charts.seriesAxisTitle(
            List.of(
                "NPS North West", "NPS North East", "NPS Wales", "NPS Midlands", "NPS London")));
    assertEquals("NPS, CRC", Charts.seriesAxisTitle(List.of("NPS", "CRC")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Charts.lines(
                "t",
                owners(),
                "owner",
                List.of("areas_2016"),
                "areas_2016",
                Sources.assumed("test")));
  }

  private static Chart funnel() {
    // pooled share (50 + 240 + 90) / 600 = 63.33%; at n = 100 the 99.8% limits are
    // 63.33 +/- 3.090232 * sqrt(0.6333 * 0.3667 / 100) * 100 = 63.33 +/- 14.89, so 48.4 to 78.2:
    // Wales (90%) is above them, Essex (50%) inside; at n = 400, 63.33 +/- 7.45: London (60%)
    // inside
    Table t =
        Table.create(
            "units",
            StringColumn.create("provider", "Essex CRC", "London CRC", "Wales CRC"),
            StringColumn.create("type", "CRC", "NPS division", "CRC"),
            IntColumn.create("cases", 100, 400, 100),
            IntColumn.create("sufficient", 50, 240, 90));
    return Charts.funnel(
        "Funnel",
        t,
        FunnelSpec.units("provider")
            .groups("type")
            .cases("cases")
            .successes("sufficient")
            .axes("cases reviewed", "share judged sufficient (%)"),
        Sources.assumed("test"));
  }

  @Test
  void theFunnelsLegendListsEachLimitOnce() {
    List<String> legend = new ArrayList<>();
    for (JsonElement e : ChartsTest.json(funnel()).getAsJsonArray("data")) {
      JsonObject t = e.getAsJsonObject();
      if (!t.has("showlegend") || t.get("showlegend").getAsBoolean()) {
        legend.add(t.get("name").getAsString());
      }
    }
    assertEquals(
        List.of(
            "Community Rehabilitation Company",
            "NPS division",
            "pooled share (63.3%)",
            "95% limits",
            "99.8% limits",
            "outside the 99.8% limits"),
        legend);
  }

  @Test
  void funnelPointsAreNamedOnHoverAndOutliersOnTheChart() {
    JsonArray data = ChartsTest.json(funnel()).getAsJsonArray("data");
    JsonObject crcs = data.get(0).getAsJsonObject();
    assertEquals("%{text}<extra>%{fullData.name}</extra>", crcs.get("hovertemplate").getAsString());
    assertEquals(
        List.of("Essex CRC: 50 of 100 (50.0%)", "Wales CRC: 90 of 100 (90.0%)"),
        ChartsTest.strings(crcs.getAsJsonArray("text")));
    JsonObject ringed = data.get(data.size() - 1).getAsJsonObject();
    assertEquals("outside the 99.8% limits", ringed.get("name").getAsString());
    assertEquals(List.of("Wales CRC"), ChartsTest.strings(ringed.getAsJsonArray("text")));
    assertEquals("markers+text", ringed.get("mode").getAsString());
    assertEquals("circle-open", ringed.getAsJsonObject("marker").get("symbol").getAsString());
    // above the pooled share, and at 100 cases in the left quarter of the range 80 to 440 (0.8 of
    // the fewest cases to 1.1 of the most): its name runs right, into the chart
    assertEquals(List.of("top right"), ChartsTest.strings(ringed.getAsJsonArray("textposition")));
    // the two groups differ by marker shape as well as colour
    assertEquals("circle", crcs.getAsJsonObject("marker").get("symbol").getAsString());
    assertEquals(
        "square",
        data.get(1).getAsJsonObject().getAsJsonObject("marker").get("symbol").getAsString());
    assertFalse(crcs.getAsJsonObject("marker").get("color").getAsString().isEmpty());
  }

  @Test
  void outlierNamesStayOnTheChartAndApart() {
    // x 100 to 300 over 560 px (0.357 cases a px), y 30 to 80 over 290 px (0.172 a px); a name of
    // 20 characters is 130 px = 46.4 cases wide, 14 px = 2.41 high.
    // row 0 (110, 72), left quarter, above: top right, x 110-156.4, y 73.4-75.8;
    // row 1 (130, 73): top right (y 74.4-76.8) and middle right (x 133.6-180, y 71.8-74.2) both
    //   cross row 0's box: below it, bottom right (x 130-176.4, y 69.2-71.6);
    // row 4 (140, 71): top (y 72.4-74.8) crosses row 0, middle (y 69.8-72.2) and bottom
    //   (y 67.2-69.6) cross row 1: no free place, so top centre;
    // row 3 (200, 40), below the pooled 50: bottom centre; row 2 (290, 70), right quarter: top left
    double[] n = {110, 130, 290, 200, 140};
    double[] share = {72, 73, 70, 40, 71};
    String[] names = new String[5];
    java.util.Arrays.fill(names, "x".repeat(20));
    assertEquals(
        List.of("top right", "bottom right", "top left", "bottom center", "top center"),
        List.of(
            Charts.labelPositions(List.of(0, 1, 2, 3, 4), n, share, 50, names, 100, 300, 30, 80)));
  }

  @Test
  void aFunnelWithNoOutlierRingsNothing() {
    Table t =
        Table.create(
            "units",
            StringColumn.create("provider", "A", "B"),
            IntColumn.create("cases", 100, 100),
            IntColumn.create("sufficient", 50, 55));
    Chart c =
        Charts.funnel(
            "Funnel",
            t,
            FunnelSpec.units("provider").cases("cases").successes("sufficient").axes("n", "s (%)"),
            Sources.assumed("test"));
    for (JsonElement e : ChartsTest.json(c).getAsJsonArray("data")) {
      assertTrue(!e.getAsJsonObject().get("name").getAsString().startsWith("outside"));
    }
  }
}
