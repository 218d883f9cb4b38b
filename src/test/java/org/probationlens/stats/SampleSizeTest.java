package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SampleSizeTest {

  @Test
  void cochranWithTheFinitePopulationCorrectionByHand() {
    // p = 0.5, d = 0.05, 95%: z = 1.959964, z^2 = 3.841459.
    // n0 = 3.841459 * 0.25 / 0.0025 = 384.1459.
    // N = 1000: n = 384.1459 / (1 + 383.1459/1000) = 384.1459 / 1.3831459 = 277.734 -> 278.
    assertEquals(384.1459, SampleSize.infinitePopulation(0.5, 0.05, 0.95), 1e-4);
    assertEquals(277.734, SampleSize.finitePopulation(384.1459, 1000), 1e-3);
    assertEquals(278, SampleSize.forMargin(0.5, 0.05, 0.95, 1000));
    // p = 0.7, d = 0.05, 90%: z = 1.644854, z^2 = 2.705543.
    // n0 = 2.705543 * 0.21 / 0.0025 = 227.2656; N = 500:
    // n = 227.2656 / (1 + 226.2656/500) = 227.2656 / 1.4525312 = 156.463 -> 157.
    assertEquals(227.2656, SampleSize.infinitePopulation(0.7, 0.05, 0.90), 1e-4);
    assertEquals(157, SampleSize.forMargin(0.7, 0.05, 0.90, 500));
    // unlimited caseload: ceil(384.1459) = 385.
    assertEquals(385, SampleSize.forMargin(0.5, 0.05, 0.95, Long.MAX_VALUE));
  }

  @Test
  void marginOfAGivenSampleByHand() {
    // n = 278 of N = 1000, p = 0.5, 95%:
    // sqrt(0.25/278 * 722/999) = sqrt(0.000899281 * 0.722723) = sqrt(0.000649933) = 0.0254938;
    // times 1.959964 = 0.049967 (just inside the 0.05 the sample was planned for).
    assertEquals(0.049967, SampleSize.margin(278, 0.5, 0.95, 1000), 2e-6);
    // the whole caseload reviewed: no sampling error.
    assertEquals(0.0, SampleSize.margin(1000, 0.5, 0.95, 1000), 0.0);
    // tripling a sample from an unlimited caseload divides the margin by sqrt(3).
    double m = SampleSize.margin(100, 0.6, 0.95, Long.MAX_VALUE);
    assertEquals(Math.sqrt(3), m / SampleSize.margin(300, 0.6, 0.95, Long.MAX_VALUE), 1e-12);
  }

  @Test
  void twoProvidersAgreeWithRPowerPropTest() {
    // R, ?power.prop.test, Examples (stats package, R 4.x):
    //   power.prop.test(n = 50, p1 = .50, p2 = .75)      ## => power = 0.740
    //   power.prop.test(p1 = .50, p2 = .75, power = .90) ## =>     n = 76.7
    // Closed form (strict = FALSE): n = (qa*sqrt(2*pbar*qbar) + qb*sqrt(p1q1+p2q2))^2 / d^2 with
    // qa = 1.959964, qb = 1.281552, pbar = 0.625: (1.341880 + 0.847667)^2 / 0.0625 = 76.706.
    assertEquals(76.7, SampleSize.perGroupForDifference(0.5, 0.75, 0.05, 0.90), 0.05);
    assertEquals(76.706, SampleSize.perGroupForDifference(0.5, 0.75, 0.05, 0.90), 1e-3);
    assertEquals(0.740, SampleSize.powerForDifference(50, 0.5, 0.75, 0.05), 5e-4);
  }

  @Test
  void oneSampleTestSizeByHand() {
    // p0 = 0.6, p1 = 0.75, alpha = beta = 0.05 (one-sided): z = 1.644854.
    // (1.644854*sqrt(0.24) + 1.644854*sqrt(0.1875))^2 / 0.15^2
    //   = (0.805821 + 0.712243)^2 / 0.0225 = 1.518064^2 / 0.0225 = 102.421.
    assertEquals(102.421, SampleSize.oneSampleForTest(0.6, 0.75, 0.05, 0.05), 1e-3);
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SampleSize.infinitePopulation(0.5, 0, 0.95));
    assertEquals("margin must be strictly between 0 and 1, was 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SampleSize.margin(11, 0.5, 0.95, 10));
    assertEquals("n must be between 1 and the population (10), was 11", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SampleSize.perGroupForDifference(0.5, 0.5, 0.05, 0.8));
    assertEquals("p1 and p2 must differ, both were 0.5", e.getMessage());
  }

  @Property
  void thePlannedSampleMeetsItsMarginAndOneFewerDoesNot(
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double p,
      @ForAll @DoubleRange(min = 0.02, max = 0.2) double margin,
      @ForAll @IntRange(min = 20, max = 100_000) int population) {
    long n = SampleSize.forMargin(p, margin, 0.95, population);
    assertTrue(SampleSize.margin(n, p, 0.95, population) <= margin + 1e-9);
    if (n > 1) {
      assertTrue(SampleSize.margin(n - 1, p, 0.95, population) > margin - 1e-9);
    }
  }
}
