package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Sources;
import org.probationlens.render.Renderers;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartsFunnelTest {

  private static Table units() {
    return Table.create(
        "units",
        StringColumn.create("provider", "Essex CRC", "London CRC", "Wales CRC"),
        IntColumn.create("cases", 100, 400, 100),
        IntColumn.create("sufficient", 50, 240, 90));
  }

  @Test
  void pointsCarryNamesAndLimitsSurroundThePooledShare() {
    Chart c =
        Charts.funnel(
            "Funnel",
            units(),
            FunnelSpec.units("provider")
                .cases("cases")
                .successes("sufficient")
                .axes("cases reviewed", "share judged sufficient (%)"),
            Sources.assumed("test data"));
    JsonObject json = ChartsTest.json(c);
    JsonArray data = json.getAsJsonArray("data");
    // the points, the pooled share, two 95% and two 99.8% lines, and Wales ringed as an outlier
    assertEquals(7, data.size());
    JsonObject points = data.get(0).getAsJsonObject();
    assertEquals(
        "Essex CRC: 50 of 100 (50.0%)", points.getAsJsonArray("text").get(0).getAsString());
    assertEquals(90.0, points.getAsJsonArray("y").get(2).getAsDouble(), 1e-9);
    // pooled share (50 + 240 + 90) / 600 = 63.33%; the 95% limits at n = 100 are
    // 63.33 +/- 1.959964 * sqrt(0.6333 * 0.3667 / 100) * 100 = 63.33 +/- 9.45.
    JsonObject target = data.get(1).getAsJsonObject();
    assertEquals("pooled share (63.3%)", target.get("name").getAsString());
    assertEquals(63.333, target.getAsJsonArray("y").get(0).getAsDouble(), 1e-3);
    JsonObject lower95 = data.get(2).getAsJsonObject();
    JsonArray xs = lower95.getAsJsonArray("x");
    for (int i = 0; i < xs.size(); i++) {
      if (xs.get(i).getAsDouble() == 100) {
        assertEquals(63.333 - 9.446, lower95.getAsJsonArray("y").get(i).getAsDouble(), 1e-2);
      }
    }
    assertTrue(Renderers.chart(c).plain().contains("ASSUMPTION: test data"));
  }

  @Test
  void groupsGetATraceEach() {
    Table t = units();
    t.addColumns(StringColumn.create("type", "CRC", "NPS division", "CRC"));
    Chart c =
        Charts.funnel(
            "Funnel",
            t,
            FunnelSpec.units("provider")
                .groups("type")
                .cases("cases")
                .successes("sufficient")
                .axes("cases", "share"),
            Sources.assumed("s"));
    JsonArray data = ChartsTest.json(c).getAsJsonArray("data");
    assertEquals(8, data.size());
    // group names are spelled out in the legend (chart.Labels): "CRC" is written in words
    assertEquals(
        "Community Rehabilitation Company",
        data.get(0).getAsJsonObject().get("name").getAsString());
    assertEquals(
        "Wales CRC: 90 of 100 (90.0%)",
        data.get(0).getAsJsonObject().getAsJsonArray("text").get(1).getAsString());
    assertEquals("NPS division", data.get(1).getAsJsonObject().get("name").getAsString());
  }

  @Test
  void badCountsAreNamed() {
    Table t = units();
    t.intColumn("sufficient").set(1, 401);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Charts.funnel(
                    "F",
                    t,
                    FunnelSpec.units("provider")
                        .cases("cases")
                        .successes("sufficient")
                        .axes("x", "y"),
                    Sources.assumed("s")));
    assertEquals(
        "row 1 (London CRC) of table 'units': need cases >= 1 and 0 <= sufficient <= cases, had"
            + " 400.0 and 401.0",
        e.getMessage());
  }
}
