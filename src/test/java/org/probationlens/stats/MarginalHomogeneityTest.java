package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MarginalHomogeneityTest {

  @Test
  void stuartMaxwellMatchesCoin() {
    // R 4.2.2, coin 1.4.2: mh_test(vcd::SexualFun)
    //   Asymptotic Marginal Homogeneity Test: chi-squared = 3.5803, df = 3, p-value = 0.3105
    // and by hand in R (d = first 3 row totals - column totals, S as in the javadoc):
    //   t(d) %*% solve(S) %*% d = 3.580256; pchisq(3.580256, 3, lower.tail = FALSE) = 0.3105013
    MarginalHomogeneity m = MarginalHomogeneity.stuartMaxwell(WeightedKappaTest.SEXUAL_FUN);
    assertEquals(3.580256, m.statistic(), 5e-7);
    assertEquals(3, m.degreesOfFreedom());
    assertEquals(0.3105013, m.pValue(), 5e-7);
    assertEquals(91, m.cases());
    assertEquals("Stuart-Maxwell chi-squared 3.580 on 3 df, p = 0.311 (91 cases)", m.toString());
  }

  @Test
  void mcNemarMatchesR() {
    // R: y2 <- matrix(c(10, 25, 5, 60), 2)  (rows {10, 5}, {25, 60}: b = 5, c = 25)
    //   mcnemar.test(y2): McNemar's chi-squared = 12.033333, df = 1, p-value = 0.0005225754
    //   mcnemar.test(y2, correct = FALSE)$p.value = 0.0002607296329
    // By hand: (|5 - 25| - 1)^2 / 30 = 361 / 30 = 12.0333; uncorrected 400 / 30 = 13.3333.
    long[][] t = {{10, 5}, {25, 60}};
    MarginalHomogeneity corrected = MarginalHomogeneity.mcNemar(t, true);
    assertEquals(361.0 / 30, corrected.statistic(), 1e-12);
    assertEquals(0.0005225754, corrected.pValue(), 1e-10);
    MarginalHomogeneity plain = MarginalHomogeneity.mcNemar(t, false);
    assertEquals(400.0 / 30, plain.statistic(), 1e-12);
    assertEquals(0.0002607296329, plain.pValue(), 1e-12);
  }

  @Test
  void mcNemarOnTheCollapsedSexualFunTable() {
    // R: mcnemar.test(matrix(c(24, 16, 15, 36), 2), correct = FALSE): 0.03225806452, p 0.857462442
    long[][] t = {{24, 15}, {16, 36}};
    MarginalHomogeneity m = MarginalHomogeneity.mcNemar(t, false);
    assertEquals(0.03225806452, m.statistic(), 1e-10);
    assertEquals(0.857462442, m.pValue(), 1e-9);
  }

  @Property(tries = 200)
  void stuartMaxwellOnTwoCategoriesIsUncorrectedMcNemar(
      @ForAll @IntRange(min = 0, max = 50) int a,
      @ForAll @IntRange(min = 1, max = 50) int b,
      @ForAll @IntRange(min = 0, max = 50) int c,
      @ForAll @IntRange(min = 0, max = 50) int d) {
    long[][] t = {{a, b}, {c, d}};
    assertEquals(
        MarginalHomogeneity.mcNemar(t, false).statistic(),
        MarginalHomogeneity.stuartMaxwell(t).statistic(),
        1e-9);
  }

  @Test
  void undefinedTablesAreRefused() {
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> MarginalHomogeneity.mcNemar(new long[][] {{4, 0}, {0, 5}}, true));
    assertEquals("McNemar's test is undefined: no discordant pair (b + c = 0)", none.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> MarginalHomogeneity.stuartMaxwell(new long[][] {{4, 0, 0}, {0, 5, 0}, {0, 0, 1}}));
  }

  @Property(tries = 200)
  void swappingTheRatersLeavesStuartMaxwellUnchanged(
      @ForAll @IntRange(min = 1, max = 30) int a,
      @ForAll @IntRange(min = 1, max = 30) int b,
      @ForAll @IntRange(min = 1, max = 30) int c,
      @ForAll @IntRange(min = 0, max = 30) int d) {
    // d' S^-1 d is a quadratic form in d, and swapping the raters negates d and leaves S alone
    long[][] t = {{d, a, 2}, {b, d, c}, {3, a + b, d}};
    long[][] swapped = {{d, b, 3}, {a, d, a + b}, {2, c, d}};
    assertEquals(
        MarginalHomogeneity.stuartMaxwell(t).statistic(),
        MarginalHomogeneity.stuartMaxwell(swapped).statistic(),
        1e-9);
  }
}
