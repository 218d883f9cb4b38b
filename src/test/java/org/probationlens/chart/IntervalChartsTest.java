package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Sources;
import org.probationlens.render.Renderers;

class IntervalChartsTest {

  private static final Sources SOURCES =
      new Sources(List.of(), List.of("test figures, invented for this test"));

  @Test
  void intervalBarsPutTheFirstCategoryOnTopAndSkipMissingLimits() {
    Chart c =
        IntervalCharts.intervalBars(
            "t",
            List.of("first", "second"),
            new double[] {10, 20},
            new double[] {5, Double.NaN},
            new double[] {15, Double.NaN},
            "percent",
            "finding",
            SOURCES);
    String js = c.figure().asJavascript("d");
    // Plotly draws the first y category at the bottom, so the bars are given in reverse
    assertTrue(js.contains("y: [\"second\",\"first\"]"), js);
    // one bar trace and two marker traces, the markers only for "first" (no NaN limits drawn)
    assertTrue(js.contains("y: [\"first\"]"), js);
    assertEquals(3, c.figure().getTraces().length);
    assertTrue(Renderers.sourceLine(c).contains("test figures, invented for this test"));
    assertTrue(js.contains("finding"), "the category axis is titled in words: " + js);
  }

  @Test
  void mismatchedArraysAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IntervalCharts.intervalBars(
                    "t",
                    List.of("a"),
                    new double[] {1, 2},
                    new double[] {1},
                    new double[] {1},
                    "x",
                    "category",
                    SOURCES));
    assertEquals(
        "categories, estimate, lower and upper must have the same length; got 1, 2, 1, 1",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IntervalCharts.groupedBars(
                "t", List.of("a", "b"), Map.of("s", new double[] {1}), "y", "group", SOURCES));
  }
}
