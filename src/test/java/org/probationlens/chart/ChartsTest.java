package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Sources;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.Renderers;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartsTest {

  /**
   * UNISON/Napo staff survey, Sept 2014 (more than 1,000 staff), as collected in
   * shared/reference/facts.md under "Staff and morale [F]". Published percentages.
   */
  static Table survey() {
    return Table.create(
        "UNISON/Napo survey 2014",
        StringColumn.create(
            "answer",
            "morale had fallen",
            "stress had risen",
            "workload had risen",
            "had considered leaving (about)",
            "actively looking",
            "would not recommend the job"),
        DoubleColumn.create("percent", 82, 86, 74, 80, 55, 84));
  }

  static final Sources SURVEY_SOURCE =
      Sources.of(
          Provenance.published(
              "Staff survey after the transfer (more than 1,000 staff)",
              "UNISON/Napo, September 2014",
              null,
              "quoted from the union's press release",
              "e".repeat(64)));

  /** Made-up figures for a chart test: synthetic, from no generator. */
  static final Sources SYNTHETIC =
      Sources.of(
          Provenance.synthetic("Starts (test fixture)", "ChartsTest", 2014L, "1", "f".repeat(64)));

  /** Synthetic quarterly starts against a synthetic forecast, deliberately out of date order. */
  static Table synthetic() {
    return Table.create(
        "synthetic starts",
        DateColumn.create(
            "quarter",
            LocalDate.of(2015, 7, 1),
            LocalDate.of(2015, 4, 1),
            LocalDate.of(2015, 10, 1)),
        IntColumn.create("starts", 900, 1000, 850),
        IntColumn.create("forecast", 1100, 1100, 1100));
  }

  static JsonObject json(Chart c) {
    return JsonParser.parseString(Renderers.chart(c).get(MimeBundle.PLOTLY_JSON).orElseThrow())
        .getAsJsonObject();
  }

  static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : a) {
      out.add(e.isJsonNull() ? null : e.getAsString());
    }
    return out;
  }

  @Test
  void barKeepsTheTableOrderAndNamesTheAxes() {
    Chart c = Charts.bar("Staff survey", survey(), "answer", "percent", SURVEY_SOURCE);
    JsonObject j = json(c);
    JsonObject trace = j.getAsJsonArray("data").get(0).getAsJsonObject();
    assertEquals("bar", trace.get("type").getAsString());
    assertEquals(
        List.of(
            "morale had fallen",
            "stress had risen",
            "workload had risen",
            "had considered leaving (about)",
            "actively looking",
            "would not recommend the job"),
        strings(trace.getAsJsonArray("x")));
    assertEquals(
        List.of("82.0", "86.0", "74.0", "80.0", "55.0", "84.0"),
        strings(trace.getAsJsonArray("y")));
    JsonObject layout = j.getAsJsonObject("layout");
    assertEquals("category", layout.getAsJsonObject("xaxis").get("type").getAsString());
    assertEquals(
        "percentage (%)",
        layout.getAsJsonObject("yaxis").getAsJsonObject("title").get("text").getAsString());
    assertEquals(Renderers.sourcesLine(SURVEY_SOURCE), Renderers.sourceLine(c));
    // the footer's line, then the full sources (render's SourcesFooter); never "Source: Sources:"
    assertTrue(Renderers.chart(c).plain().endsWith("\n" + Renderers.sourceLine(c)));
    assertFalse(Renderers.chart(c).plain().contains("Source: Sources:"));
    assertTrue(Renderers.chart(c).metadata().containsKey(MimeBundle.SOURCES_METADATA));
    assertTrue(Renderers.chart(c).get(MimeBundle.TEXT_HTML).orElseThrow().contains("pl-sources"));
  }

  @Test
  void horizontalBarRanksLargestAtTheTop() {
    Table t = survey();
    t.doubleColumn("percent").setMissing(4);
    JsonObject trace =
        json(Charts.horizontalBar("Staff survey", t, "answer", "percent", SURVEY_SOURCE))
            .getAsJsonArray("data")
            .get(0)
            .getAsJsonObject();
    assertEquals("h", trace.get("orientation").getAsString());
    // Plotly draws the first bar at the bottom: ascending, with the missing answer first (bottom)
    assertEquals(
        List.of(
            "actively looking",
            "workload had risen",
            "had considered leaving (about)",
            "morale had fallen",
            "would not recommend the job",
            "stress had risen"),
        strings(trace.getAsJsonArray("y")));
    JsonArray x = trace.getAsJsonArray("x");
    assertTrue(x.get(0).isJsonNull());
    assertEquals(86.0, x.get(5).getAsDouble());
    assertEquals("morale had fallen", t.stringColumn("answer").get(0), "table unchanged");
    assertEquals(6, t.rowCount());
  }

  @Test
  void linesArePlottedInDateOrderWithoutChangingTheTable() {
    Table t = synthetic();
    JsonObject trace =
        json(Charts.line("Starts (synthetic)", t, "quarter", "starts", SYNTHETIC))
            .getAsJsonArray("data")
            .get(0)
            .getAsJsonObject();
    assertEquals(
        List.of("2015-04-01", "2015-07-01", "2015-10-01"), strings(trace.getAsJsonArray("x")));
    assertEquals(List.of("1000.0", "900.0", "850.0"), strings(trace.getAsJsonArray("y")));
    assertEquals(LocalDate.of(2015, 7, 1), t.dateColumn("quarter").get(0), "table unchanged");
  }

  @Test
  void actualVersusForecastDrawsTheForecastDashed() {
    JsonArray data =
        json(Charts.actualVersusForecast(
                "C05 starts against forecast (synthetic)",
                synthetic(),
                "quarter",
                "starts",
                "forecast",
                SYNTHETIC))
            .getAsJsonArray("data");
    assertEquals(2, data.size());
    assertEquals("Actual", data.get(0).getAsJsonObject().get("name").getAsString());
    JsonObject forecast = data.get(1).getAsJsonObject();
    assertEquals("Forecast", forecast.get("name").getAsString());
    assertEquals("dash", forecast.getAsJsonObject("line").get("dash").getAsString());
    assertEquals(List.of("1100.0", "1100.0", "1100.0"), strings(forecast.getAsJsonArray("y")));
  }

  @Test
  void linesDrawOneTracePerColumnWithALegend() {
    JsonObject j =
        json(
            Charts.lines(
                "Starts", synthetic(), "quarter", List.of("starts", "forecast"), SYNTHETIC));
    assertEquals(2, j.getAsJsonArray("data").size());
    assertTrue(j.getAsJsonObject("layout").get("showlegend").getAsBoolean());
  }

  @Test
  void scatterNeedsNumbersOnBothAxes() {
    JsonObject trace =
        json(Charts.scatter("Starts v forecast", synthetic(), "forecast", "starts", SYNTHETIC))
            .getAsJsonArray("data")
            .get(0)
            .getAsJsonObject();
    assertEquals("markers", trace.get("mode").getAsString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Charts.scatter("x", synthetic(), "quarter", "starts", SYNTHETIC));
    assertEquals(
        "column 'quarter' in table 'synthetic starts' is LOCAL_DATE; a chart needs a numeric column"
            + " here (INTEGER, LONG, SHORT, FLOAT or DOUBLE)",
        e.getMessage());
  }

  @Test
  void anAbsentColumnIsNamedWithTheColumnsThereAre() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Charts.bar("x", synthetic(), "area", "starts", SYNTHETIC));
    assertEquals(
        "no column 'area' in table 'synthetic starts'; its columns are [quarter, starts, forecast]",
        e.getMessage());
  }

  @Test
  void aMissingCategoryIsAnErrorNamingTheRow() {
    Table t = survey();
    t.stringColumn("answer").setMissing(2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Charts.bar("x", t, "answer", "percent", SURVEY_SOURCE));
    assertEquals(
        "column 'answer' in table 'UNISON/Napo survey 2014' has a missing value at row 2; every bar"
            + " and point needs one",
        e.getMessage());
  }

  @Test
  void theSourceIsMandatory() {
    assertThrows(
        NullPointerException.class,
        () -> Charts.bar("x", survey(), "answer", "percent", (Sources) null));
  }
}
