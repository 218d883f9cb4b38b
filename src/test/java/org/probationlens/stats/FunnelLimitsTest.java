package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FunnelLimitsTest {

  @Test
  void limitsWorkedByHand() {
    // target 0.9, n = 100, 95%: 0.9 -+ 1.959964 * sqrt(0.9 * 0.1 / 100) = 0.9 -+ 0.0587989
    // -> 0.841201 and 0.958799.
    // 99.8%: z = 3.090232, 0.9 -+ 3.090232 * 0.03 = 0.9 -+ 0.0927070 -> 0.807293, 0.992707.
    FunnelLimits f95 = FunnelLimits.forProportion(0.9, 0.95);
    assertEquals(0.841201, f95.lower(100), 1e-6);
    assertEquals(0.958799, f95.upper(100), 1e-6);
    FunnelLimits f998 = FunnelLimits.forProportion(0.9, 0.998);
    assertEquals(0.807293, f998.lower(100), 1e-6);
    assertEquals(0.992707, f998.upper(100), 1e-6);
    assertTrue(f95.contains(85, 100));
    assertFalse(f95.contains(83, 100));
  }

  @Test
  void smallUnitsAreClampedToTheUnitRange() {
    FunnelLimits f = FunnelLimits.forProportion(0.9, 0.998);
    assertEquals(1.0, f.upper(3));
  }

  @Test
  void refusesATargetOutsideTheOpenUnitRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FunnelLimits.forProportion(1.0, 0.95));
    assertEquals("target must be strictly between 0 and 1, was 1.0", e.getMessage());
  }

  @Property
  void limitsNarrowAsUnitsGrow(
      @ForAll @IntRange(min = 1, max = 10_000) int n, @ForAll @IntRange(min = 1, max = 99) int t) {
    FunnelLimits f = FunnelLimits.forProportion(t / 100.0, 0.95);
    assertTrue(f.lower(n) <= f.target() && f.target() <= f.upper(n));
    assertTrue(f.lower(n + 1) >= f.lower(n) && f.upper(n + 1) <= f.upper(n));
  }
}
