package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepSpecTest {

  @Test
  void eachColumnIsNamedAsItIsSet() {
    StepSpec s = StepSpec.lines("type").x("date").y("cumulative_crcs");
    assertEquals("type", s.lineColumn());
    assertEquals("date", s.xColumn());
    assertEquals("cumulative_crcs", s.yColumn());
    assertEquals(StepSpec.lines("type").x("date").y("cumulative_crcs"), s);
    assertEquals("lines(type).x(date).y(cumulative_crcs)", s.toString());
  }

  @Test
  void aBlankColumnIsQuoted() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StepSpec.lines(""));
    assertEquals(
        "step chart lines column must name a column of the table; got \"\"", e.getMessage());
  }

  @Test
  void aMissingStepIsNamed() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StepSpec.lines("type").x("date").yColumn());
    assertEquals("step spec lines(type).x(date) is missing .y(column)", e.getMessage());
  }
}
