package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunnelSpecTest {

  @Test
  void eachPartIsNamedAsItIsSet() {
    FunnelSpec s =
        FunnelSpec.units("provider")
            .groups("type")
            .cases("reviewed")
            .successes("sufficient")
            .axes("cases reviewed", "share (%)");
    assertEquals("provider", s.unitColumn());
    assertEquals(Optional.of("type"), s.groupColumn());
    assertEquals("reviewed", s.casesColumn());
    assertEquals("sufficient", s.successesColumn());
    assertEquals("cases reviewed", s.xTitle());
    assertEquals("share (%)", s.yTitle());
    assertEquals(
        FunnelSpec.units("provider")
            .groups("type")
            .cases("reviewed")
            .successes("sufficient")
            .axes("cases reviewed", "share (%)"),
        s);
    assertEquals(Optional.empty(), FunnelSpec.units("provider").groupColumn());
  }

  @Test
  void aBlankColumnIsQuoted() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FunnelSpec.units("provider").cases(" "));
    assertEquals("funnel cases column must name a column of the table; got \" \"", e.getMessage());
  }

  @Test
  void aMissingStepIsNamed() {
    FunnelSpec s = FunnelSpec.units("provider").cases("reviewed");
    IllegalStateException e = assertThrows(IllegalStateException.class, s::successesColumn);
    assertEquals(
        "funnel spec units(provider).cases(reviewed) is missing .successes(column)",
        e.getMessage());
  }
}
