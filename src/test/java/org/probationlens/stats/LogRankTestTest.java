package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogRankTestTest {

  @Test
  void sixMpAgainstPlaceboMatchesKleinbaumAndKlein() {
    // Kleinbaum & Klein (2012), chapter 2, log-rank test for the remission data:
    //   group 1 (6-MP):    O = 9,  E = 19.25, O - E = -10.26
    //   group 2 (placebo): O = 21, E = 10.75, O - E =  10.26
    //   Var(O2 - E2) = 6.2570; log-rank statistic = (10.26)^2 / 6.2570 = 16.79 on 1 df
    // p-value: P(chi2_1 > 16.79) = P(|Z| > 4.098) = 4.2e-5 (normal tables: P(Z > 4.1) = 2.07e-5)
    double[] times = concat(Freireich6mp.MP_TIMES, Freireich6mp.PLACEBO_TIMES);
    boolean[] events = new boolean[42];
    System.arraycopy(Freireich6mp.MP_EVENTS, 0, events, 0, 21);
    System.arraycopy(Freireich6mp.PLACEBO_EVENTS, 0, events, 21, 21);
    String[] groups = new String[42];
    for (int i = 0; i < 42; i++) {
      groups[i] = i < 21 ? "6-MP" : "placebo";
    }
    LogRankResult r = LogRankTest.test(times, events, groups);
    assertEquals(16.79, r.statistic(), 0.005);
    assertEquals(1, r.degreesOfFreedom());
    assertEquals(4.2e-5, r.pValue(), 0.1e-5);
    assertTrue(r.reject(0.001));
    LogRankGroup mp = r.groups().get(0);
    assertEquals("6-MP", mp.label());
    assertEquals(9, mp.observed());
    assertEquals(19.25, mp.expected(), 0.005);
    LogRankGroup placebo = r.groups().get(1);
    assertEquals(21, placebo.observed());
    assertEquals(10.75, placebo.expected(), 0.005);
  }

  @Test
  void threeGroupsMatchHandCalculation() {
    // A: 1, 3     B: 2, 4+     C: 3, 5      (+ = censored)
    // t=1: n=6 (2,2,2), d=1 (A). E = 1/3 each. f = d(n-d)/(n^2(n-1)) = 1/36.
    //      V_AA += f*2*4 = 8/36, V_BB += 8/36, V_AB -= f*2*2 = 4/36
    // t=2: n=5 (1,2,2), d=1 (B). E_A += 1/5, E_B += 2/5, E_C += 2/5. f = 1/25.
    //      V_AA += 1*4/25, V_BB += 2*3/25, V_AB -= 2/25
    // t=3: n=4 (1,1,2), d=2 (A, C). E_A += 1/2, E_B += 1/2, E_C += 1. f = 2*2/(16*3) = 1/12.
    //      V_AA += 1*3/12, V_BB += 1*3/12, V_AB -= 1/12
    // t=4: B censored. t=5: n=1, d=1 (C): E_C += 1, f = 0.
    // O = (2, 1, 2); E = (31/30, 37/30, 82/30); U = O - E = (29/30, -7/30, -22/30)
    // V_AA = 569/900, V_BB = 641/900, V_AB = -247/900; det = 2531/6750
    // chi2 = (U_A^2 V_BB - 2 U_A U_B V_AB + U_B^2 V_AA) / det = 3889/2531 = 1.536547 on 2 df
    // p = exp(-chi2/2) (the chi-square survival function for 2 df) = 0.463813
    double[] times = {1, 3, 2, 4, 3, 5};
    boolean[] events = {true, true, true, false, true, true};
    String[] groups = {"A", "A", "B", "B", "C", "C"};
    LogRankResult r = LogRankTest.test(times, events, groups);
    assertEquals(3889.0 / 2531.0, r.statistic(), 1e-9);
    assertEquals(2, r.degreesOfFreedom());
    assertEquals(0.463813, r.pValue(), 1e-6);
    assertEquals(31.0 / 30, r.groups().get(0).expected(), 1e-12);
    assertEquals(82.0 / 30, r.groups().get(2).expected(), 1e-12);
  }

  @Test
  void oneGroupIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LogRankTest.test(
                    new double[] {1, 2}, new boolean[] {true, true}, new String[] {"X", "X"}));
    assertEquals("groups: expected at least 2 distinct labels, got [X]", e.getMessage());
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = new double[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
