package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.render.Renderers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class StepChartsTest {

  /** Two Kaplan-Meier curves in long form, as StageTimes.curvesTable() gives them (made up). */
  static Table curves() {
    return Table.create(
        "curves",
        StringColumn.create("group", "A", "A", "A", "B", "B"),
        DoubleColumn.create("time", 0, 30, 60, 0, 45),
        DoubleColumn.create("survival", 1, 0.5, 0.25, 1, 0.4));
  }

  @Test
  void oneSteppedLinePerGroupInOrderOfFirstAppearance() {
    Chart c =
        StepCharts.byGroup(
            "Waiting",
            curves(),
            StepSpec.lines("group").x("time").y("survival"),
            ChartsTest.SYNTHETIC);
    JsonArray data = ChartsTest.json(c).getAsJsonArray("data");
    assertEquals(2, data.size());
    JsonObject a = data.get(0).getAsJsonObject();
    assertEquals("A", a.get("name").getAsString());
    assertEquals("hv", a.getAsJsonObject("line").get("shape").getAsString());
    assertEquals(List.of("0.0", "30.0", "60.0"), ChartsTest.strings(a.getAsJsonArray("x")));
    assertEquals(List.of("1.0", "0.5", "0.25"), ChartsTest.strings(a.getAsJsonArray("y")));
    assertEquals("B", data.get(1).getAsJsonObject().get("name").getAsString());
    assertTrue(Renderers.chart(c).plain().endsWith("\n" + Renderers.sourceLine(c)));
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StepCharts.byGroup(
                    "t",
                    curves(),
                    StepSpec.lines("group").x("days").y("survival"),
                    ChartsTest.SYNTHETIC));
    assertEquals(
        "table 'curves' has no column days; found [group, time, survival]", e.getMessage());
    Table t = curves();
    t.stringColumn("group").setMissing(1);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StepCharts.byGroup(
                    "t", t, StepSpec.lines("group").x("time").y("survival"), ChartsTest.SYNTHETIC));
    assertEquals("row 2: group and time must not be missing", e.getMessage());
  }
}
