package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionTest {

  /**
   * Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
   * Medicine 17:857-872, Table I, method 3 (score interval without continuity correction), 95%.
   */
  @ParameterizedTest
  @CsvSource({
    "81, 263, 0.2553, 0.3662",
    "15, 148, 0.0624, 0.1605",
    "0, 20, 0.0000, 0.1611",
    "1, 29, 0.0061, 0.1718"
  })
  void wilsonMatchesNewcombe1998TableI(long k, long n, double lower, double upper) {
    Proportion p = Proportion.wilson(k, n, 0.95);
    assertEquals(lower, p.lower(), 0.00005);
    assertEquals(upper, p.upper(), 0.00005);
    assertEquals((double) k / n, p.estimate(), 1e-15);
  }

  @Test
  void wilsonByHandForFiveOfTwenty() {
    // k = 5, n = 20, p = 0.25, z = 1.959964, z^2 = 3.841459.
    // denominator = 1 + 3.841459/20 = 1.192073
    // centre = (0.25 + 3.841459/40) / 1.192073 = (0.25 + 0.096036) / 1.192073 = 0.290281
    // half = 1.959964 * sqrt(0.25*0.75/20 + 3.841459/1600) / 1.192073
    //      = 1.959964 * sqrt(0.009375 + 0.002401) / 1.192073 = 1.959964 * 0.108517 / 1.192073
    //      = 0.178420
    // limits = 0.111861 and 0.468701
    Proportion p = Proportion.wilson(5, 20, 0.95);
    assertEquals(0.111861, p.lower(), 2e-6);
    assertEquals(0.468701, p.upper(), 2e-6);
    assertTrue(p.contains(0.25));
    assertFalse(p.contains(0.5));
  }

  @Test
  void printsAsAReaderWouldWriteIt() {
    // 99.8%: z = 3.090232; by the formula above, 0.0717 and 0.5899.
    assertEquals(
        "0.250 (95% CI 0.112 to 0.469; 5 of 20)", Proportion.wilson(5, 20, 0.95).toString());
    assertEquals(
        "0.250 (99.8% CI 0.072 to 0.590; 5 of 20)", Proportion.wilson(5, 20, 0.998).toString());
  }

  @Test
  void allSuccessesGiveAnUpperLimitOfExactlyOne() {
    // n = 29, k = 29: lower = n / (n + z^2) = 29 / 32.841459 = 0.883029 (by hand)
    Proportion p = Proportion.wilson(29, 29, 0.95);
    assertEquals(1.0, p.upper());
    assertEquals(0.883029, p.lower(), 2e-6);
  }

  @Test
  void badInputIsRefusedWithTheValueInTheMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Proportion.wilson(5, 4, 0.95));
    assertEquals("successes must be between 0 and trials (4), was 5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Proportion.wilson(0, 0, 0.95));
    assertEquals("trials must be at least 1, was 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Proportion.wilson(1, 4, 95));
    assertEquals(
        "confidence must be strictly between 0 and 1, e.g. 0.95; was 95.0", e.getMessage());
  }

  @Property
  void wilsonIntervalLiesInUnitRangeAndContainsTheEstimate(
      @ForAll @IntRange(min = 1, max = 5000) int n,
      @ForAll @IntRange(min = 0, max = 5000) int k,
      @ForAll @IntRange(min = 50, max = 999) int confidencePerMille) {
    long successes = k % (n + 1);
    Proportion p = Proportion.wilson(successes, n, confidencePerMille / 1000.0);
    assertTrue(0 <= p.lower() && p.lower() <= p.estimate());
    assertTrue(p.estimate() <= p.upper() && p.upper() <= 1);
  }

  @Property
  void widerConfidenceGivesAWiderInterval(
      @ForAll @IntRange(min = 1, max = 2000) int n, @ForAll @IntRange(min = 0, max = 2000) int k) {
    long successes = k % (n + 1);
    Proportion narrow = Proportion.wilson(successes, n, 0.80);
    Proportion wide = Proportion.wilson(successes, n, 0.99);
    assertTrue(wide.lower() <= narrow.lower() + 1e-12);
    assertTrue(wide.upper() >= narrow.upper() - 1e-12);
  }
}
