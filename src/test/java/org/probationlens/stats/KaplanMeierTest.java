package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

  private static final double TABLE = 5e-5; // the published tables give 4 decimals

  private static SurvivalStep at(KaplanMeierCurve curve, double t) {
    return curve.steps().stream().filter(s -> s.time() == t).findFirst().orElseThrow();
  }

  @Test
  void sixMpGroupMatchesKleinbaumAndKlein() {
    // Kleinbaum & Klein (2012), chapter 2, KM table for the 6-MP group:
    // t(f)  n(f)  m(f)  q(f)  S(t)
    //  6     21    3     1    0.8571
    //  7     17    1     1    0.8067
    // 10     15    1     2    0.7529
    // 13     12    1     0    0.6902
    // 16     11    1     3    0.6275
    // 22      7    1     0    0.5378
    // 23      6    1     5    0.4482
    KaplanMeierCurve km = KaplanMeier.estimate(Freireich6mp.MP_TIMES, Freireich6mp.MP_EVENTS);
    double[][] expected = {
      {6, 21, 3, 0.8571},
      {7, 17, 1, 0.8067},
      {10, 15, 1, 0.7529},
      {13, 12, 1, 0.6902},
      {16, 11, 1, 0.6275},
      {22, 7, 1, 0.5378},
      {23, 6, 1, 0.4482}
    };
    for (double[] row : expected) {
      SurvivalStep s = at(km, row[0]);
      assertEquals((int) row[1], s.atRisk(), "at risk at " + row[0]);
      assertEquals((int) row[2], s.events(), "events at " + row[0]);
      assertEquals(row[3], s.survival(), TABLE, "S at " + row[0]);
    }
    assertEquals(21, km.subjects());
    assertEquals(9, km.events());
    // censored times carry the estimate forward: S(35) is still 0.4482
    assertEquals(0.4482, km.survivalAt(35), TABLE);
    assertEquals(1.0, km.survivalAt(5.99), 0.0);
    // The book's median remission time for 6-MP: 23 weeks (S first falls to 0.5 or below at 23)
    assertEquals(23.0, km.median().estimate().getAsDouble(), 0.0);
  }

  @Test
  void placeboGroupMatchesStataOutputWithLogLogIntervals() {
    // G. Rodriguez, "The Gehan Survival Data" (Princeton WWS 509), Stata `sts list, by(group)`,
    // whose intervals are log-log ones by default:
    // Time Total Fail Lost Survivor Std.Error [95% Conf. Int.]
    //   1   21    2    0   0.9048   0.0641     0.6700  0.9753
    //   2   19    2    0   0.8095   0.0857     0.5689  0.9239
    KaplanMeierCurve km =
        KaplanMeier.estimate(Freireich6mp.PLACEBO_TIMES, Freireich6mp.PLACEBO_EVENTS);
    SurvivalStep one = at(km, 1);
    assertEquals(0.9048, one.survival(), TABLE);
    assertEquals(0.0641, one.standardError(), TABLE);
    assertEquals(0.6700, one.lower(), TABLE);
    assertEquals(0.9753, one.upper(), TABLE);
    SurvivalStep two = at(km, 2);
    assertEquals(0.8095, two.survival(), TABLE);
    assertEquals(0.0857, two.standardError(), TABLE);
    assertEquals(0.5689, two.lower(), TABLE);
    assertEquals(0.9239, two.upper(), TABLE);
    // Kleinbaum & Klein: placebo median 8 weeks; everyone relapsed by week 23, so S(23) = 0 and
    // its interval is undefined
    assertEquals(8.0, km.median().estimate().getAsDouble(), 0.0);
    assertEquals(0.0, at(km, 23).survival(), 0.0);
    assertTrue(Double.isNaN(at(km, 23).lower()));
  }

  @Test
  void logLogIntervalAtSixWeeksMatchesHandCalculation() {
    // 6-MP at t = 6: n = 21, d = 3, S = 18/21 = 0.857143.
    // Greenwood sum = d / (n (n - d)) = 3 / (21 * 18) = 0.0079365
    // SE(S) = 0.857143 * sqrt(0.0079365) = 0.857143 * 0.089087 = 0.076360
    // log S = -0.154151, (log S)^2 = 0.023762; v = 0.0079365 / 0.023762 = 0.334000
    // A = 1.959964 * sqrt(0.334000) = 1.959964 * 0.577927 = 1.132716
    // lower = S^exp(A)  = 0.857143^3.104140 = exp(-0.478506) = 0.61972
    // upper = S^exp(-A) = 0.857143^0.322151 = exp(-0.049660) = 0.95155
    KaplanMeierCurve km = KaplanMeier.estimate(Freireich6mp.MP_TIMES, Freireich6mp.MP_EVENTS);
    SurvivalStep s = at(km, 6);
    assertEquals(0.076360, s.standardError(), 5e-6);
    assertEquals(0.61972, s.lower(), 5e-5);
    assertEquals(0.95155, s.upper(), 5e-5);
  }

  @Test
  void medianIntervalInvertsTheLogLogBand() {
    // Placebo band (hand-computed as above, and agreeing with Stata at t = 1, 2):
    //  t   S       lower   upper
    //  3   0.7619  0.5194  0.8933
    //  4   0.6667  0.4254  0.8250   <- first lower <= 0.5: the median's lower limit is 4
    //  5   0.5714  0.3380  0.7492
    //  8   0.3810  0.1831  0.5778   <- median: first S <= 0.5
    // 11   0.2857  0.1166  0.4818   <- first upper <= 0.5: the median's upper limit is 11
    MedianSurvival placebo =
        KaplanMeier.estimate(Freireich6mp.PLACEBO_TIMES, Freireich6mp.PLACEBO_EVENTS).median();
    assertEquals(8.0, placebo.estimate().getAsDouble(), 0.0);
    assertEquals(4.0, placebo.lower().getAsDouble(), 0.0);
    assertEquals(11.0, placebo.upper().getAsDouble(), 0.0);
    // 6-MP: lower limit of the band first falls to 0.5 or below at t = 13 (0.4316); the upper limit
    // never does (0.6801 at t = 23, the last event), so the median's upper limit is not reached.
    MedianSurvival mp =
        KaplanMeier.estimate(Freireich6mp.MP_TIMES, Freireich6mp.MP_EVENTS).median();
    assertEquals(13.0, mp.lower().getAsDouble(), 0.0);
    assertFalse(mp.upper().isPresent());
  }

  @Test
  void medianNotReachedWhenFewerThanHalfHaveTheEvent() {
    KaplanMeierCurve km =
        KaplanMeier.estimate(new double[] {1, 2, 3, 4}, new boolean[] {true, false, false, false});
    assertFalse(km.median().estimate().isPresent());
    assertEquals(0.75, km.survivalAt(10), 1e-12);
  }

  @Test
  void tableHasOneRowPerDistinctTime() {
    KaplanMeierCurve km = KaplanMeier.estimate(Freireich6mp.MP_TIMES, Freireich6mp.MP_EVENTS);
    // 21 times, 16 distinct: 6 7 9 10 11 13 16 17 19 20 22 23 25 32 34 35
    assertEquals(16, km.toTable("6-MP").rowCount());
    assertEquals(
        List.of("time", "at_risk", "events", "censored", "survival", "std_error", "lower", "upper"),
        km.toTable("6-MP").columnNames());
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KaplanMeier.estimate(new double[] {1, -2}, new boolean[] {true, true}));
    assertEquals("times[1]: expected a finite time >= 0, got -2.0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KaplanMeier.estimate(new double[] {1}, new boolean[] {true, true}));
    assertEquals(
        "times and events must have the same length; got 1 times and 2 event flags",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> KaplanMeier.estimate(new double[] {1}, new boolean[] {true}, 1.0));
  }
}
