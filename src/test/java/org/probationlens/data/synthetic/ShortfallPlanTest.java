package org.probationlens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ShortfallPlanTest {

  private static final List<String> CPAS = new ArrayList<>();
  private static final Set<String> METRO = Set.of("C01", "C05", "C06", "C07", "C09", "C11", "C17");

  static {
    for (int i = 1; i <= 21; i++) {
      CPAS.add(String.format(java.util.Locale.ROOT, "C%02d", i));
    }
  }

  /**
   * For any seed: the 21 values are 6, 7.5, 9, ..., 36 (30 / 20 = 1.5 apart), and every
   * metropolitan CPA falls short by less than every other CPA.
   */
  @Property(tries = 200)
  void spreadsSixToThirtySixEvenlyMetropolitanLowest(@ForAll long seed) {
    ShortfallPlan plan = ShortfallPlan.spread(CPAS, METRO, seed);
    List<Double> values = new ArrayList<>(plan.byCpa().values());
    values.sort(null);
    for (int i = 0; i < 21; i++) {
      assertEquals(6.0 + 1.5 * i, values.get(i), 1e-12);
    }
    double highestMetro = METRO.stream().mapToDouble(plan::percent).max().orElseThrow();
    double lowestOther =
        CPAS.stream()
            .filter(c -> !METRO.contains(c))
            .mapToDouble(plan::percent)
            .min()
            .orElseThrow();
    assertTrue(highestMetro < lowestOther);
    assertEquals(15.0, highestMetro, 1e-12); // 7 metropolitan CPAs take 6 .. 6 + 6 * 1.5
  }

  /**
   * For any seed: the Q1 2017-18 values are 16, 17.6, ..., 48 (32 / 20 = 1.6 apart), and each CPA
   * keeps its 2015-16 rank: q = 16 + (p - 6) x 32 / 30.
   */
  @Property(tries = 200)
  void spreadsSixteenToFortyEightInTheSameOrder(@ForAll long seed) {
    ShortfallPlan plan = ShortfallPlan.spread(CPAS, METRO, seed);
    List<Double> values = new ArrayList<>(plan.q1201718ByCpa().values());
    values.sort(null);
    for (int i = 0; i < 21; i++) {
      assertEquals(16.0 + 1.6 * i, values.get(i), 1e-12);
    }
    for (String cpa : CPAS) {
      assertEquals(16.0 + (plan.percent(cpa) - 6.0) * 32.0 / 30.0, plan.q1201718Percent(cpa), 1e-9);
    }
    assertEquals(plan.byCpa().keySet(), plan.q1201718ByCpa().keySet());
  }

  @Test
  void theSeedShufflesWithinGroups() {
    ShortfallPlan a = ShortfallPlan.spread(CPAS, METRO, 1);
    ShortfallPlan b = ShortfallPlan.spread(CPAS, METRO, 2);
    assertTrue(!a.byCpa().equals(b.byCpa()), "seeds 1 and 2 gave the same assignment");
    assertEquals(a.byCpa(), ShortfallPlan.spread(CPAS, METRO, 1).byCpa());
  }

  @Test
  void rejectsWhatCannotSpan() {
    assertEquals(
        "cpaCodes has 1 codes; expected at least 2 to span 6% to 36%",
        assertThrows(
                IllegalArgumentException.class,
                () -> ShortfallPlan.spread(List.of("C01"), Set.of(), 1))
            .getMessage());
    assertEquals(
        "cpaCodes has duplicates: [C01, C01]",
        assertThrows(
                IllegalArgumentException.class,
                () -> ShortfallPlan.spread(List.of("C01", "C01"), Set.of(), 1))
            .getMessage());
    assertEquals(
        "no shortfall planned for CPA 'C99'; known: [C01, C02]",
        assertThrows(
                IllegalArgumentException.class,
                () -> ShortfallPlan.spread(List.of("C01", "C02"), Set.of(), 1).percent("C99"))
            .getMessage());
    assertEquals(
        "no shortfall planned for CPA 'C99'; known: [C01, C02]",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ShortfallPlan.spread(List.of("C01", "C02"), Set.of(), 1).q1201718Percent("C99"))
            .getMessage());
  }
}
