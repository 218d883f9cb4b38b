package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.CountColumns;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.render.Renderers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class NamesNotCodesTest {

  static final Sources S =
      Sources.of(
          Provenance.synthetic("Synthetic cases", "CaseGenerator", 2014L, "2", "b".repeat(64)));

  static JsonObject layout(Chart c) {
    return ChartsTest.json(c).getAsJsonObject("layout");
  }

  static String axisTitle(Chart c, String axis) {
    return layout(c).getAsJsonObject(axis).getAsJsonObject("title").get("text").getAsString();
  }

  @Test
  void cpaCodesBecomeNamesAndTheAxisSaysWhatAndInWhatUnit() {
    Table t =
        Table.create(
            "shortfall",
            StringColumn.create("cpa", "C01", "C02", "C13"),
            DoubleColumn.create("weighted_shortfall_pct", 6.0, 36.0, 20.0));
    Chart c = Charts.horizontalBar("Shortfall by CPA", t, "cpa", "weighted_shortfall_pct", S);
    JsonObject trace = ChartsTest.json(c).getAsJsonArray("data").get(0).getAsJsonObject();
    // cpas.csv crc_name without "CRC": C01 Northumbria, C02 Cumbria and Lancashire, C13
    // Bedfordshire, Northamptonshire, Cambridgeshire & Hertfordshire; largest at the top (last)
    assertEquals(
        List.of(
            "Northumbria",
            "Bedfordshire, Northamptonshire, Cambridgeshire & Hertfordshire",
            "Cumbria and Lancashire"),
        ChartsTest.strings(trace.getAsJsonArray("y")));
    assertEquals("weighted shortfall against forecast (%)", axisTitle(c, "xaxis"));
  }

  @Test
  void ownersWorkTypesAndEnumNamesAreSpelledOut() {
    assertEquals("Purple Futures (Interserve-led)", Labels.category("PURPLE_FUTURES"));
    assertEquals("Community order", Labels.category("CO"));
    assertEquals("Suspended sentence order", Labels.category("SSO"));
    assertEquals("Durham", Labels.category("DRH"));
    assertEquals("NPS North West", Labels.category("N01"));
    assertEquals("Telephone supervision", Labels.category("TELEPHONE_SUPERVISION"));
    assertEquals("IT system", Labels.category("IT_SYSTEM"));
    assertEquals("Awaiting MoJ sign off", Labels.category("AWAITING_MOJ_SIGN_OFF"));
    assertEquals("National Probation Service", Labels.category("NPS"));
    assertEquals("morale had fallen", Labels.category("morale had fallen"));
    Table t =
        Table.create(
            "by owner",
            StringColumn.create("owner", "PURPLE_FUTURES", "SODEXO"),
            DoubleColumn.create("under_spend_pct", 10, 12));
    Chart c = Charts.bar("Under-spend by owner", t, "owner", "under_spend_pct", S);
    JsonArray x =
        ChartsTest.json(c).getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonArray("x");
    assertEquals(
        List.of("Purple Futures (Interserve-led)", "Sodexo Justice Services (with Nacro)"),
        ChartsTest.strings(x));
    assertEquals("owner of the CRC", axisTitle(c, "xaxis"));
    assertEquals("modelled under-spend against maximum (%)", axisTitle(c, "yaxis"));
  }

  @Test
  void moneyIsInPoundsMillionsWithReadableHoverText() {
    assertEquals("£110.2m", Labels.money(110_174_485.8));
    assertEquals("£3.7bn", Labels.money(3.7e9));
    assertEquals("£45.3k", Labels.money(45_300));
    assertEquals("-£512", Labels.money(-512));
    Table t =
        Table.create(
            "payments",
            StringColumn.create("financial_year", "2015-16", "2016-17"),
            DoubleColumn.create("maximum", 110_174_485.8, 120_000_000),
            DoubleColumn.create("paid", 100_000_000, 90_500_000));
    Chart c = Charts.lines("Payments", t, "financial_year", List.of("maximum", "paid"), S);
    JsonObject j = ChartsTest.json(c);
    JsonObject max = j.getAsJsonArray("data").get(0).getAsJsonObject();
    assertEquals("maximum payment", max.get("name").getAsString());
    assertEquals(List.of("110.1744858", "120.0"), ChartsTest.strings(max.getAsJsonArray("y")));
    assertEquals(
        List.of("maximum payment: £110.2m", "maximum payment: £120.0m"),
        ChartsTest.strings(max.getAsJsonArray("text")));
    JsonObject y = j.getAsJsonObject("layout").getAsJsonObject("yaxis");
    assertEquals("£ million", y.getAsJsonObject("title").get("text").getAsString());
    assertEquals("£", y.get("tickprefix").getAsString());
    assertEquals("m", y.get("ticksuffix").getAsString());
    assertEquals("financial year (April to March)", axisTitle(c, "xaxis"));
  }

  @Test
  void longTitlesBreakAndClearTheToolbar() {
    String title =
        "CRC weighted shortfall against forecast by year: range across CPAs and England and Wales"
            + " (synthetic)";
    Chart c = Charts.line("x", ChartsTest.synthetic(), "quarter", "starts", S);
    assertEquals(110, layout(c).getAsJsonObject("margin").get("t").getAsInt());
    assertEquals(
        "CRC weighted shortfall against forecast by year: range across CPAs and<br>England and"
            + " Wales (synthetic)",
        Labels.wrapTitle(title));
  }

  static Table curves() {
    return Table.create(
        "days from SUBMITTED to SIGNED_OFF (Kaplan-Meier)",
        StringColumn.create("group", "SODEXO", "SODEXO", "SODEXO", "ARCC", "ARCC"),
        DoubleColumn.create("time", 0, 30, 90, 0, 60),
        DoubleColumn.create("survival", 1, 0.6, 0.3, 1, 0.5),
        DoubleColumn.create("lower", 1, 0.4, 0.1, 1, 0.2),
        DoubleColumn.create("upper", 1, 0.8, 0.5, 1, 0.8));
  }

  @Test
  void kaplanMeierCurvesHaveBandsAndTimeUnits() {
    Chart c =
        StepCharts.survival(
            "Still awaiting sign-off", curves(), "days from submission to MoJ sign-off", S);
    JsonArray data = ChartsTest.json(c).getAsJsonArray("data");
    assertEquals(6, data.size()); // per group: upper edge, lower edge filled to it, the curve
    JsonObject lower = data.get(1).getAsJsonObject();
    assertEquals("tonexty", lower.get("fill").getAsString());
    assertEquals("hv", lower.getAsJsonObject("line").get("shape").getAsString());
    JsonObject curve = data.get(2).getAsJsonObject();
    assertEquals("Sodexo Justice Services (with Nacro)", curve.get("name").getAsString());
    assertEquals("days from submission to MoJ sign-off", axisTitle(c, "xaxis"));
    assertEquals("share still waiting (shaded: 95% confidence band)", axisTitle(c, "yaxis"));
    assertEquals(
        "timeAxis 'time' must name the unit of time (days, weeks, months or years), e.g. 'days from"
            + " submission to sign-off'",
        assertThrows(
                IllegalArgumentException.class, () -> StepCharts.survival("t", curves(), "time", S))
            .getMessage());
  }

  @Test
  void survivalOfAResultCarriesItsSources() {
    Result r =
        new Starts(
            curves(),
            Sources.of(
                Provenance.synthetic("Synthetic events", "generator", 1L, "2", "e".repeat(64))));
    Chart c =
        Renderers.drawn(
            StepCharts.survival("Still waiting", r, "days from submission to MoJ sign-off"));
    assertTrue(
        Renderers.sourceLine(c).startsWith("SYNTHETIC data, not published figures."),
        Renderers.sourceLine(c));
    assertEquals(6, ChartsTest.json(c).getAsJsonArray("data").size());
  }

  record Starts(Table data, Sources sources) implements Result {
    @Override
    public String title() {
      return "Starts by work type";
    }

    @Override
    public Table table() {
      return data.copy();
    }

    @Override
    public List<String> notes() {
      return List.of();
    }

    @Override
    public CountColumns countColumns() {
      return CountColumns.of("starts");
    }
  }

  @Test
  void aChartOfRealCaseRecordsShowsTheProtectedCountsAndSaysSo() {
    Table t =
        Table.create(
            "starts",
            StringColumn.create("work_type", "CO", "SSO", "LIC", "PSS"),
            IntColumn.create("starts", 120, 7, 45, 300));
    Result r =
        new Starts(
            t,
            Sources.of(
                Provenance.officialSensitive(
                    "CRC extract", "a CRC", "data-sharing agreement", "f".repeat(64))));
    // render applies disclosure control when it draws a chart of a result
    Chart c = Renderers.drawn(Charts.bar("Starts by work type", r, "work_type", "starts"));
    JsonObject trace = ChartsTest.json(c).getAsJsonArray("data").get(0).getAsJsonObject();
    // each bar is the cell key method's figure for its count, keyed by the bar's labels (worked
    // out apart from render, under the tests' secret)
    List<String> expected = new java.util.ArrayList<>();
    String[] types = {"CO", "SSO", "LIC", "PSS"};
    long[] counts = {120, 7, 45, 300};
    for (int i = 0; i < 4; i++) {
      long key =
          org.probationlens.stats.RecordKeys.standard()
              .key("work_type=" + types[i] + "\u001fstarts=" + counts[i]);
      expected.add(org.probationlens.stats.CellKeyMethod.standard().perturb(counts[i], key) + ".0");
    }
    assertEquals(expected, ChartsTest.strings(trace.getAsJsonArray("y")));
    assertEquals(
        List.of(
            "Community order", "Suspended sentence order", "Licence", "Post-sentence supervision"),
        ChartsTest.strings(trace.getAsJsonArray("x")));
    assertTrue(
        Renderers.sourceLine(c)
            .contains(" Disclosure control: the 4 counts (starts) given the noise"),
        Renderers.sourceLine(c));
    assertFalse(Renderers.chart(c).get("text/html").orElseThrow().contains("\"y\":[120.0,7"));
  }
}
